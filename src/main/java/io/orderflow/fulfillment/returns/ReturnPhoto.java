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

/** A photo the customer linked to the request (an https URL). */
@Entity
@Table(name = "return_photo")
class ReturnPhoto {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "return_id")
  private ReturnRequest request;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String url;

  protected ReturnPhoto() {}

  ReturnPhoto(ReturnRequest request, int position, String url) {
    this.request = request;
    this.position = position;
    this.url = url;
  }

  int position() { return position; }
  String url() { return url; }
}
