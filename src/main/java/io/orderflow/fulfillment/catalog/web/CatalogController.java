package io.orderflow.fulfillment.catalog.web;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class CatalogController {

  record ProductView(String sku, String modelCode, String name, String variant, String category, BigDecimal price,
      String currency, int weightGrams, boolean serialized) {

    static ProductView of(Product p) {
      return new ProductView(p.sku(), p.modelCode(), p.name(), p.variant(), p.category(), p.price(),
          p.currency().getCurrencyCode(), p.weightGrams(), p.serialized());
    }
  }

  private final Catalog catalog;

  CatalogController(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  List<ProductView> products() {
    return catalog.all().stream().map(ProductView::of).toList();
  }
}
