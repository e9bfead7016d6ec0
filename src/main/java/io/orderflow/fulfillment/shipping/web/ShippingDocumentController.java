package io.orderflow.fulfillment.shipping.web;

import io.orderflow.fulfillment.shipping.documents.ShippingDocuments;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A parcel's papers for the warehouse: the courier's shipping label (once booked) and the packing slip (once planned),
 * as PDFs made on request.
 */
@RestController
@RequestMapping("/api/orders/{orderId}/shipments/{shipmentNo}")
class ShippingDocumentController {

  private final ShippingDocuments documents;

  ShippingDocumentController(ShippingDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/label.pdf")
  ResponseEntity<byte[]> label(@PathVariable String orderId, @PathVariable int shipmentNo) {
    return pdf(documents.labelPdf(orderId, shipmentNo));
  }

  @GetMapping("/packing-slip.pdf")
  ResponseEntity<byte[]> packingSlip(@PathVariable String orderId, @PathVariable int shipmentNo) {
    return pdf(documents.packingSlipPdf(orderId, shipmentNo));
  }

  /** Shown in the browser (inline) and saved under the document's own name; personal data, so never cached. */
  private static ResponseEntity<byte[]> pdf(ShippingDocuments.Pdf pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(pdf.content());
  }
}
