package com.shopfleet.shop.catalog.category;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryRepository extends JpaRepository<Category, Long> {

    List<Category> findByParentIdOrderByDisplayOrderAscIdAsc(Long parentId);

    boolean existsByParentId(Long parentId);

    boolean existsByParentIdAndName(Long parentId, String name);

    boolean existsByParentIdIsNullAndName(String name);
}
