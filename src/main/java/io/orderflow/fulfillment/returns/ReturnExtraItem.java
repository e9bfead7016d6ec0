package io.orderflow.fulfillment.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Something the warehouse scanned that the RMA did not expect: an unknown code, or units beyond those expected. */
@Entity
@Table(name = "return_extra_item")
class ReturnExtraItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "return_id")
  private ReturnRequest request;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private int quantity;

  protected ReturnExtraItem() {}

  ReturnExtraItem(ReturnRequest request, String code, int quantity) {
    this.request = request;
    this.code = ReturnRequest.cut(code, 100);
    this.quantity = quantity;
  }

  String code() { return code; }
  int quantity() { return quantity; }
}
