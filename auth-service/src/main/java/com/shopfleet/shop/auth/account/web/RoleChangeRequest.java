package com.shopfleet.shop.auth.account.web;

import jakarta.validation.constraints.NotNull;

import com.shopfleet.shop.contracts.identity.Role;

record RoleChangeRequest(@NotNull Role role) {
}
