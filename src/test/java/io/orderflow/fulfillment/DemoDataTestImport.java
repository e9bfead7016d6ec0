package io.orderflow.fulfillment;

import org.springframework.context.annotation.Import;

/**
 * Lets test slices in any package import the package-private {@link DemoDataConfiguration} (a {@code @DataJpaTest}
 * does not scan configurations). Deliberately not a {@code @Configuration}, so component scanning ignores it.
 */
@Import(DemoDataConfiguration.class)
public final class DemoDataTestImport {}
