package com.shopfleet.shop.catalog.stock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StockAdjustmentRepository extends JpaRepository<StockAdjustment, Long> {

    @Query("select coalesce(sum(a.delta), 0) from StockAdjustment a where a.productId = :productId")
    long totalDelta(long productId);

    @Query("select a from StockAdjustment a where a.productId = :productId order by a.createdAt desc, a.id desc")
    Page<StockAdjustment> history(long productId, Pageable pageable);
}
