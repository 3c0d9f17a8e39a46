package com.shopfleet.shop.catalog.category;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.catalog.caching.CacheGenerations;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** The category tree: reading it, changing it (staff) and what other features need from it. */
@Service
@Transactional(readOnly = true)
public class Categories {

    private static final Comparator<Category> ORDER = Comparator.comparingInt(Category::displayOrder)
            .thenComparing(Category::id);

    private final CategoryRepository repository;
    private final CacheGenerations caches;
    private final Clock clock;

    Categories(CategoryRepository repository, CacheGenerations caches) {
        this.repository = repository;
        this.caches = caches;
        this.clock = Clock.systemUTC();
    }

    /** Every category, top-level ones with their children, in display order. */
    public List<CategoryNode> tree() {
        List<Category> all = repository.findAll();
        Map<Long, List<Category>> children = all.stream()
                .filter(category -> !category.isTopLevel())
                .collect(Collectors.groupingBy(Category::parentId));
        return all.stream()
                .filter(Category::isTopLevel)
                .sorted(ORDER)
                .map(top -> new CategoryNode(top.id(), top.name(), top.displayOrder(),
                        children.getOrDefault(top.id(), List.of()).stream().sorted(ORDER)
                                .map(child -> new CategoryNode(child.id(), child.name(), child.displayOrder(), List.of()))
                                .toList()))
                .toList();
    }

    /** A category with its parent, if it exists. */
    public Optional<CategoryPath> path(long id) {
        return repository.findById(id).map(category -> {
            CategoryPath.Parent parent = category.isTopLevel() ? null
                    : repository.findById(category.parentId())
                            .map(p -> new CategoryPath.Parent(p.id(), p.name()))
                            .orElse(null);
            return new CategoryPath(category.id(), category.name(), parent);
        });
    }

    /**
     * The categories a listing filter on {@code id} covers: the category and its children; empty when
     * it does not exist.
     */
    public Set<Long> selfAndChildren(long id) {
        Optional<Category> category = repository.findById(id);
        if (category.isEmpty()) {
            return Set.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(id);
        if (category.get().isTopLevel()) {
            repository.findByParentIdOrderByDisplayOrderAscIdAsc(id).forEach(child -> ids.add(child.id()));
        }
        return ids;
    }

    /**
     * Per term, the categories whose name contains it (case-insensitive), with the children of matching
     * top-level ones: a search for "가전" finds the products of every category under 가전. One read of the
     * (small) category table for all terms.
     */
    public List<Set<Long>> matching(List<String> terms) {
        List<Category> all = repository.findAll();
        return terms.stream().map(term -> matching(term.toLowerCase(Locale.ROOT), all)).toList();
    }

    private static Set<Long> matching(String needle, List<Category> all) {
        Set<Long> matched = all.stream()
                .filter(category -> category.name().toLowerCase(Locale.ROOT).contains(needle))
                .map(Category::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        all.stream()
                .filter(category -> !category.isTopLevel() && matched.contains(category.parentId()))
                .forEach(category -> matched.add(category.id()));
        return matched;
    }

    /**
     * Checks that products may be placed in category {@code id}: it exists and is a child category.
     * Refuses with a 400 naming {@code field} otherwise.
     */
    public void requireProductCategory(long id, String field) {
        Category category = repository.findById(id)
                .orElseThrow(() -> ShopException.withFields(ErrorCode.VALIDATION_FAILED,
                        Map.of(field, "catalog.category.unknown")));
        if (category.isTopLevel()) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of(field, "catalog.category.not-leaf"));
        }
    }

    @Transactional
    public CategoryNode create(String name, Long parentId, int displayOrder) {
        String trimmed = name.strip();
        Category category;
        if (parentId == null) {
            if (repository.existsByParentIdIsNullAndName(trimmed)) {
                throw new ShopException(ErrorCode.CONFLICT, "catalog.category.duplicate-name");
            }
            category = Category.topLevel(trimmed, displayOrder, clock.instant());
        }
        else {
            Category parent = repository.findById(parentId)
                    .orElseThrow(() -> ShopException.withFields(ErrorCode.VALIDATION_FAILED,
                            Map.of("parentId", "catalog.category.unknown")));
            if (repository.existsByParentIdAndName(parentId, trimmed)) {
                throw new ShopException(ErrorCode.CONFLICT, "catalog.category.duplicate-name");
            }
            category = Category.childOf(parent, trimmed, displayOrder, clock.instant());
        }
        repository.saveAndFlush(category);
        caches.everythingChanged();
        return new CategoryNode(category.id(), category.name(), category.displayOrder(), List.of());
    }

    @Transactional
    public CategoryNode update(long id, String name, int displayOrder) {
        Category category = repository.findById(id).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        String trimmed = name.strip();
        boolean renamed = !category.name().equals(trimmed);
        if (renamed && (category.isTopLevel() ? repository.existsByParentIdIsNullAndName(trimmed)
                : repository.existsByParentIdAndName(category.parentId(), trimmed))) {
            throw new ShopException(ErrorCode.CONFLICT, "catalog.category.duplicate-name");
        }
        category.rename(trimmed, displayOrder, clock.instant());
        repository.saveAndFlush(category);
        caches.everythingChanged();
        List<CategoryNode> children = new ArrayList<>();
        if (category.isTopLevel()) {
            repository.findByParentIdOrderByDisplayOrderAscIdAsc(id).forEach(child -> children
                    .add(new CategoryNode(child.id(), child.name(), child.displayOrder(), List.of())));
        }
        return new CategoryNode(category.id(), category.name(), category.displayOrder(), children);
    }

    /** Deletes an empty category; one with children or products (deleted ones included) is refused with 409. */
    @Transactional
    public void delete(long id) {
        Category category = repository.findById(id).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        if (repository.existsByParentId(id)) {
            throw new ShopException(ErrorCode.CONFLICT, "catalog.category.in-use");
        }
        try {
            repository.delete(category);
            repository.flush();
        }
        catch (DataIntegrityViolationException referenced) {
            throw new ShopException(ErrorCode.CONFLICT, "catalog.category.in-use");
        }
        caches.everythingChanged();
    }

    /** Whether any category exists (the demo catalog seeds an empty database only). */
    public boolean isEmpty() {
        return repository.count() == 0;
    }
}
