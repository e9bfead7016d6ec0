package io.orderflow.fulfillment.shipping.web;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shipping.documents.ShippingDocuments;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.WithApiSecurity;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WithApiSecurity
@WebMvcTest(ShippingDocumentController.class)
class ShippingDocumentControllerTest {

  private static final byte[] PDF = "%PDF-1.4 label".getBytes();
  private static final String PARCEL = "/api/orders/o-1/shipments/1";

  @Autowired MockMvc mvc;
  @MockitoBean ShippingDocuments documents;

  @Test
  @DisplayName("The label of a booked parcel is a PDF with its file name")
  void label() throws Exception {
    when(documents.labelPdf("o-1", 1)).thenReturn(new ShippingDocuments.Pdf("label-ORD-7KQ2M9XP-1.pdf", PDF));

    mvc.perform(get(PARCEL + "/label.pdf").with(DemoUser.CS_AGENT.basic()).accept(MediaType.APPLICATION_PDF))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("Content-Disposition", "inline; filename=\"label-ORD-7KQ2M9XP-1.pdf\""))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().bytes(PDF));
  }

  @Test
  @DisplayName("The packing slip of a planned parcel is a PDF with its file name")
  void packingSlip() throws Exception {
    when(documents.packingSlipPdf("o-1", 1)).thenReturn(new ShippingDocuments.Pdf("packing-slip-ORD-7KQ2M9XP-1.pdf", PDF));

    mvc.perform(get(PARCEL + "/packing-slip.pdf").with(DemoUser.CS_AGENT.basic()))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("Content-Disposition", "inline; filename=\"packing-slip-ORD-7KQ2M9XP-1.pdf\""))
        .andExpect(content().bytes(PDF));
  }

  @Test
  @DisplayName("An unknown order or parcel is a 404 problem, also for a client that asked for a PDF")
  void unknownParcel() throws Exception {
    when(documents.labelPdf("o-1", 1)).thenThrow(new NotFoundException("Parcel", "ORD-7KQ2M9XP/1"));
    when(documents.packingSlipPdf("o-1", 1)).thenThrow(new NotFoundException("Order", "o-1"));

    mvc.perform(get(PARCEL + "/label.pdf").with(DemoUser.CS_AGENT.basic()).accept(MediaType.APPLICATION_PDF))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Parcel 'ORD-7KQ2M9XP/1' not found"));
    mvc.perform(get(PARCEL + "/packing-slip.pdf").with(DemoUser.CS_AGENT.basic()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Order 'o-1' not found"));
  }

  @Test
  @DisplayName("The label of a parcel not booked yet is a 409 problem")
  void labelBeforeBooking() throws Exception {
    when(documents.labelPdf("o-1", 1)).thenThrow(new ConflictException("Parcel 1 of order ORD-7KQ2M9XP is not booked"));

    mvc.perform(get(PARCEL + "/label.pdf").with(DemoUser.CS_AGENT.basic()).accept(MediaType.APPLICATION_PDF))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Parcel 1 of order ORD-7KQ2M9XP is not booked"));
  }

  @Test
  @DisplayName("Parcel papers are for the warehouse and customer service: 401 without sign-in, 403 for a customer")
  void papersAreForStaff() throws Exception {
    mvc.perform(get(PARCEL + "/label.pdf")).andExpect(status().isUnauthorized());
    mvc.perform(get(PARCEL + "/label.pdf").with(DemoUser.ANA.basic())).andExpect(status().isForbidden());
  }
}
