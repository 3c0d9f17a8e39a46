package com.shopfleet.shop.auth.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** Staff: the list of users and their roles. ADMIN only (CONTRACTS §3). */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminUserController {

    private final Accounts accounts;

    AdminUserController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Active users by id, optionally only one role or emails starting with {@code email}. */
    @GetMapping
    ApiResponse<PageResponse<AdminUserResponse>> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @RequestParam(required = false) Role role,
            @RequestParam(required = false) @Size(max = 254) String email) {
        Page<User> users = accounts.list(role, email, PageRequest.of(page, size, Sort.by("id")));
        return ApiResponse.ok(PageResponse.of(users.map(AdminUserResponse::from).getContent(), size, page,
                users.getTotalElements()));
    }

    /** The user's live sessions carry the new role from their next request on. */
    @PatchMapping("/{id}/role")
    ApiResponse<AdminUserResponse> changeRole(@AuthenticationPrincipal ShopIdentity me, @PathVariable long id,
            @Valid @RequestBody RoleChangeRequest request) {
        return ApiResponse.ok(AdminUserResponse.from(accounts.changeRole(me.userId(), id, request.role())));
    }
}
