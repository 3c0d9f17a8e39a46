package com.shopfleet.shop.auth.account;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import com.shopfleet.shop.contracts.identity.Role;

interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByEmailNormalized(String emailNormalized);

    Optional<User> findByPhone(String phoneDigits);

    Page<User> findByStatus(UserStatus status, Pageable pageable);

    Page<User> findByStatusAndRole(UserStatus status, Role role, Pageable pageable);

    Page<User> findByStatusAndEmailNormalizedStartingWith(UserStatus status, String emailPrefix, Pageable pageable);
}
