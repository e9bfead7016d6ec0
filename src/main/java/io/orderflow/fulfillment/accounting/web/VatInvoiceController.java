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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An order's VAT invoices (one per parcel handed to the courier): the list with totals, and each as a PDF. */
@RestController
@RequestMapping("/api/orders/{orderId}/invoices")
class VatInvoiceController {

  private final VatInvoices invoices;

  VatInvoiceController(VatInvoices invoices) {
    this.invoices = invoices;
  }

  @GetMapping
  List<VatInvoices.IssuedInvoice> list(@PathVariable String orderId) {
    return invoices.ofOrder(orderId);
  }

  /** 404 (problem detail) for an unknown order or an invoice number the order does not have. */
  @GetMapping("/{invoiceNumber}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String orderId, @PathVariable String invoiceNumber) {
    VatInvoices.Pdf pdf = invoices.pdf(orderId, invoiceNumber);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(pdf.content());
  }
}
