package com.shopfleet.shop.catalog.product;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Staff create, revise and delete products; each change publishes {@code ProductChanged} in the same
 * transaction ({@link ProductChanges}). A soft delete keeps the row: staff still find deleted products, the
 * public filter ({@code listed}) hides them.
 */
@Service
@Transactional
public class ProductAdministration {

    private final ProductRepository repository;
    private final Categories categories;
    private final ProductChanges changes;
    private final Clock clock;

    ProductAdministration(ProductRepository repository, Categories categories, ProductChanges changes) {
        this.repository = repository;
        this.categories = categories;
        this.changes = changes;
        this.clock = Clock.systemUTC();
    }

    public StaffProductView create(ProductDraft draft, int initialStock) {
        categories.requireProductCategory(draft.categoryId(), "categoryId");
        Product product = repository.saveAndFlush(Product.create(draft, initialStock, clock.instant()));
        changes.changed(product.id());
        return StaffProductView.of(product);
    }

    public StaffProductView revise(long id, ProductDraft draft) {
        Product product = repository.findById(id).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        categories.requireProductCategory(draft.categoryId(), "categoryId");
        product.revise(draft, clock.instant());
        repository.saveAndFlush(product);
        changes.changed(id);
        return StaffProductView.of(product);
    }

    /** Soft delete: the product disappears from the public at once and consumers drop it from their replicas. */
    public void delete(long id) {
        Product product = repository.findById(id).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        product.delete(clock.instant());
        repository.saveAndFlush(product);
        changes.changed(id);
    }

    /** Whether any product exists (the demo catalog seeds an empty database only). */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return repository.count() == 0;
    }
}
