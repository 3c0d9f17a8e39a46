package com.shopfleet.shop.event;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * What every request costs in the servlet stack before it reaches a controller, cut where it buys
 * nothing (JFR of the FCFS load test, infra/loadtest): an entry is a few microseconds of Redis work,
 * so per-request framework overhead is most of its CPU.
 * <ul>
 * <li>No Spring Security observations at all. {@code management.observations.enable.spring.security=false}
 * only makes each observation a no-op: Security still wrapped every filter of the chain in an observation
 * decorator and created (and refused) an observation per filter per request. With
 * {@link SecurityObservationSettings#noObservations()} the chain, authentication and authorization are
 * not decorated in the first place. {@code http.server.requests} (metrics and span) stays.</li>
 * <li>The firewall's header and parameter checks without regular expressions. Spring Security's
 * {@link StrictHttpFirewall} validates every header name and value each time anything reads one (the
 * tracer's propagators, Tomcat, Spring MVC, the identity filter: dozens of reads per request) with
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values: tab allowed too), which was ~5 % of an entry's
 * CPU. {@link #assignedAndNotControl} accepts exactly the same strings with a loop over the code points.
 * Every other rule of the strict firewall (paths, methods, host names) is its default.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestCostConfiguration {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> assignedAndNotControl(name, false));
        firewall.setAllowedHeaderValues(value -> assignedAndNotControl(value, true));
        firewall.setAllowedParameterNames(name -> assignedAndNotControl(name, false));
        firewall.setAllowedParameterValues(value -> assignedAndNotControl(value, false));
        return firewall;
    }

    /**
     * Whether every code point of {@code text} is assigned and not a control character (a tab allowed
     * when {@code tabAllowed}): what {@link StrictHttpFirewall}'s default patterns
     * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} and {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}
     * match, without a regular expression.
     */
    static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        int length = text.length();
        for (int i = 0; i < length;) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // ASCII: every code point is assigned; the controls are 0x00-0x1F and 0x7F
                if ((c < 0x20 || c == 0x7F) && !(tabAllowed && c == '\t')) {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
