package io.orderflow.fulfillment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundGrpcServerProviderTest {

  @Test
  @DisplayName("The in-memory engine's gateway listens on loopback only: reachable on 127.0.0.1, its port still free on the machine's other address")
  void gatewayOnLoopbackOnly() throws Exception {
    Optional<InetAddress> external = externalAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    BoundGrpcServerProvider.bindTo(InetAddress.getLoopbackAddress());
    ZeebeTestEngine engine = EngineFactory.create(port);
    engine.start();
    try {
      try (Socket local = new Socket()) {
        local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        assertThat(local.isConnected()).isTrue();
      }
      try (ServerSocket other = new ServerSocket()) {
        other.bind(new InetSocketAddress(external.get(), port));
        assertThat(other.isBound()).as("nobody listens on %s:%d", external.get(), port).isTrue();
      }
    } finally {
      engine.stop();
    }
  }

  private static Optional<InetAddress> externalAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }
}
