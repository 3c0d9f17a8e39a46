package com.shopfleet.shop.catalog.review;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReviewRepository extends JpaRepository<Review, Long> {

    boolean existsByOrderItemId(long orderItemId);

    Page<Review> findByProductId(long productId, Pageable pageable);

    @Query("select r.rating, count(r) from Review r where r.productId = :productId group by r.rating")
    List<Object[]> histogram(long productId);

    @Query("select distinct r.productId from Review r where r.userId = :userId")
    List<Long> productsReviewedBy(long userId);

    @Modifying
    @Query("update Review r set r.userId = null, r.authorName = null, r.version = r.version + 1 where r.userId = :userId")
    int anonymize(long userId);
}
