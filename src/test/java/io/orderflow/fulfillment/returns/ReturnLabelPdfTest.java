package io.orderflow.fulfillment.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.inventory.Inventory.WarehouseAddress;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.shipping.documents.PdfReading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The return label")
class ReturnLabelPdfTest {

  @Test
  @DisplayName("is a 4 × 6 in page from the customer to the warehouse with the RMA number, and its barcode reads as the "
      + "return tracking number")
  void label() throws Exception {
    byte[] pdf = ReturnLabelPdf.render(new ReturnLabelPdf.Content("RMA-2026-000042", "ORD-TEST2345", "Simulated Express",
        "SX47312958ES", "Ana García", new Address("Calle Mayor 1", "28013", "Madrid", "ES"),
        new WarehouseAddress("madrid", "Madrid central warehouse", "Getafe", "ES")));

    assertThat(PdfReading.pageSizes(pdf)).singleElement().satisfies(p -> {
      assertThat(p.getWidth()).isEqualTo(288f);
      assertThat(p.getHeight()).isEqualTo(432f);
    });
    assertThat(PdfReading.text(pdf)).contains("RMA-2026-000042", "ORD-TEST2345", "Ana García", "Calle Mayor 1",
        "Madrid central warehouse", "Getafe", "SPAIN", "RETURN", "SX47312958ES", "Simulated Express");
    assertThat(PdfReading.decodeCode128(PdfReading.render(pdf, 300)).getText()).isEqualTo("SX47312958ES");
  }
}
