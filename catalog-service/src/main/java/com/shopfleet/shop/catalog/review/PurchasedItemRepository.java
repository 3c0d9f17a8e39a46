package com.shopfleet.shop.catalog.review;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PurchasedItemRepository extends JpaRepository<PurchasedItem, Long> {

    @Modifying
    @Query("delete from PurchasedItem p where p.userId = :userId")
    int deleteByUser(long userId);
}
