package io.orderflow.fulfillment.warehouse.web;

import io.orderflow.fulfillment.warehouse.Picking;
import io.orderflow.fulfillment.warehouse.Picking.PickList;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The handheld's view of a pick task: the parcel's pick list and the scans of its units. */
@RestController
@RequestMapping("/api/tasks/{taskKey}")
class PickingController {

  /** {@code barcode}: what the handheld read, the SKU (Code 128); {@code serialNumber} for serialized products. */
  record ScanRequest(@NotBlank @Size(max = 40) String barcode, @Size(max = 100) String serialNumber) {}

  private final Picking picking;

  PickingController(Picking picking) {
    this.picking = picking;
  }

  @GetMapping("/pick-list")
  PickList pickList(@PathVariable long taskKey) {
    return picking.pickList(taskKey);
  }

  @PostMapping("/scans")
  PickList scan(@PathVariable long taskKey, @Valid @RequestBody ScanRequest request) {
    return picking.scan(taskKey, request.barcode(), request.serialNumber());
  }
}
