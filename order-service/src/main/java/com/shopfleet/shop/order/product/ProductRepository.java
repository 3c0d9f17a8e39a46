package com.shopfleet.shop.order.product;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductRepository extends JpaRepository<Product, Long> {

    boolean existsBySourcePartition(int sourcePartition);
}
