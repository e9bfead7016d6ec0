package io.orderflow.fulfillment.engine;

import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.ServerProvider;
import io.grpc.ServerRegistry;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Makes the in-memory engine's gRPC gateway listen on one address (loopback by default) instead of every interface.
 * The engine's factory takes only a port and asks gRPC for a server on it; registered ahead of gRPC's own Netty
 * provider, this provider answers that request with a Netty server bound to the configured address.
 */
final class BoundGrpcServerProvider extends ServerProvider {

  private final InetAddress address;

  private BoundGrpcServerProvider(InetAddress address) {
    this.address = address;
  }

  /** Servers asked for by port listen on {@code address} from now on (for the whole JVM; the engine is its only one). */
  static void bindTo(InetAddress address) {
    ServerRegistry.getDefaultRegistry().register(new BoundGrpcServerProvider(address));
  }

  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    // gRPC's Netty provider has 5
    return 8;
  }

  @Override
  protected ServerBuilder<?> builderForPort(int port) {
    return NettyServerBuilder.forAddress(new InetSocketAddress(address, port));
  }

  @Override
  protected NewServerBuilderResult newServerBuilderForPort(int port, ServerCredentials credentials) {
    return NewServerBuilderResult.serverBuilder(NettyServerBuilder.forAddress(new InetSocketAddress(address, port),
        credentials));
  }
}
