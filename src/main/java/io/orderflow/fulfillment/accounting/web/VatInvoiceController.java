package io.orderflow.fulfillment.accounting.web;

import io.orderflow.fulfillment.accounting.VatInvoices;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's VAT invoices (one per parcel handed to the courier) and credit notes (one per return and corrected
 * invoice): the list with totals, and each as a PDF.
 */
@RestController
class VatInvoiceController {

  private final VatInvoices invoices;

  VatInvoiceController(VatInvoices invoices) {
    this.invoices = invoices;
  }

  /** The invoices by parcel, then the credit notes ({@code documentType} tells them apart). */
  @GetMapping("/api/orders/{orderId}/invoices")
  List<VatInvoices.OrderDocument> list(@PathVariable String orderId) {
    return invoices.documentsOf(orderId);
  }

  /** 404 (problem detail) for an unknown order or an invoice number the order does not have. */
  @GetMapping("/api/orders/{orderId}/invoices/{invoiceNumber}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String orderId, @PathVariable String invoiceNumber) {
    return pdf(invoices.pdf(orderId, invoiceNumber));
  }

  /** 404 (problem detail) for an unknown order or a credit note number the order does not have. */
  @GetMapping("/api/orders/{orderId}/credit-notes/{creditNoteNumber}.pdf")
  ResponseEntity<byte[]> creditNotePdf(@PathVariable String orderId, @PathVariable String creditNoteNumber) {
    return pdf(invoices.creditNotePdf(orderId, creditNoteNumber));
  }

  private static ResponseEntity<byte[]> pdf(VatInvoices.Pdf pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(pdf.content());
  }
}
