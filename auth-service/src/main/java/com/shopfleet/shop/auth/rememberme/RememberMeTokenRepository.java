package com.shopfleet.shop.auth.rememberme;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface RememberMeTokenRepository extends JpaRepository<RememberMeToken, String> {

    /** Rotates the token only if it is still the one presented: of two concurrent uses, one wins. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("""
            update RememberMeToken t set t.tokenHash = :newHash, t.previousTokenHash = :presentedHash,
                t.rotatedAt = :now, t.lastUsedAt = :now, t.expiresAt = :expiresAt
            where t.series = :series and t.tokenHash = :presentedHash and t.expiresAt > :now""")
    int rotate(@Param("series") String series, @Param("presentedHash") String presentedHash,
            @Param("newHash") String newHash, @Param("now") Instant now, @Param("expiresAt") Instant expiresAt);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("delete from RememberMeToken t where t.userId = :userId")
    int deleteByUser(@Param("userId") long userId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("delete from RememberMeToken t where t.userId = :userId and t.series <> :keep")
    int deleteByUserExcept(@Param("userId") long userId, @Param("keep") String keepSeries);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("delete from RememberMeToken t where t.series = :series")
    int deleteBySeries(@Param("series") String series);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("delete from RememberMeToken t where t.expiresAt < :now")
    int deleteExpired(@Param("now") Instant now);
}
