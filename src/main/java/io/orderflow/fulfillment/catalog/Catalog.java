package io.orderflow.fulfillment.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class Catalog {

  private final ProductRepository products;

  Catalog(ProductRepository products) {
    this.products = products;
  }

  public List<Product> all() {
    return products.findAllByOrderByModelCodeAscSkuAsc();
  }

  /** The products with these SKUs, by SKU; unknown SKUs are simply absent. */
  public Map<String, Product> bySku(Collection<String> skus) {
    return products.findAllById(skus).stream().collect(Collectors.toMap(Product::sku, Function.identity()));
  }
}
