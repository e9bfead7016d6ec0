package io.orderflow.fulfillment.replenishment.web;

import io.orderflow.fulfillment.replenishment.StockTransferStatus;
import io.orderflow.fulfillment.replenishment.Transfers;
import io.orderflow.fulfillment.replenishment.Transfers.TransferView;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.security.Roles;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock transfers between warehouses, read-only (the replenishment process orders and receives them): purchasing and
 * ops see them all; warehouse staff see those leaving from or going to their warehouse (another's answers 404).
 */
@RestController
class TransferController {

  private final Transfers transfers;

  TransferController(Transfers transfers) {
    this.transfers = transfers;
  }

  @GetMapping("/api/transfers")
  List<TransferView> list(@RequestParam(required = false) StockTransferStatus status,
      @RequestParam(defaultValue = "200") int limit) {
    CurrentUser user = CurrentUser.required();
    List<TransferView> found = transfers.list(status, Math.max(1, Math.min(limit, 500)));
    return warehouseOnly(user) ? found.stream().filter(t -> worksAtEitherEnd(user, t)).toList() : found;
  }

  @GetMapping("/api/transfers/{transferId}")
  TransferView get(@PathVariable String transferId) {
    CurrentUser user = CurrentUser.required();
    TransferView transfer = transfers.get(transferId);
    if (warehouseOnly(user) && !worksAtEitherEnd(user, transfer)) {
      throw new NotFoundException("Transfer", transferId);
    }
    return transfer;
  }

  private static boolean warehouseOnly(CurrentUser user) {
    return user.hasAnyRole(Roles.WAREHOUSE, Roles.WAREHOUSE_SUPERVISOR)
        && !user.hasAnyRole(Roles.PURCHASING, Roles.OPS);
  }

  private static boolean worksAtEitherEnd(CurrentUser user, TransferView transfer) {
    return user.worksIn(transfer.fromWarehouseId()) || user.worksIn(transfer.toWarehouseId());
  }
}
