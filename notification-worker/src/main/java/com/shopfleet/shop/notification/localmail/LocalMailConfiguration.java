package com.shopfleet.shop.notification.localmail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import com.shopfleet.shop.notification.delivery.LoggingSmsSender;

/**
 * Profile {@code local} only: an in-process SMTP server (GreenMail) the worker sends to, started
 * with the worker and stopped with it, and the page that lists what it received.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@EnableConfigurationProperties(LocalMailProperties.class)
class LocalMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalMailConfiguration.class);

    @Bean(destroyMethod = "stop")
    GreenMail localSmtpServer(LocalMailProperties properties, Environment environment) {
        GreenMail server = new GreenMail(new ServerSetup(properties.smtpPort(), properties.bindAddress(),
                ServerSetup.PROTOCOL_SMTP));
        server.start();
        log.info("Local SMTP server on {}:{}; received mail: http://localhost:{}/local/mail", properties.bindAddress(),
                properties.smtpPort(), environment.getProperty("server.port", "8085"));
        return server;
    }

    @Bean
    LocalMailbox localMailbox(GreenMail localSmtpServer, ObjectProvider<LoggingSmsSender> sms) {
        return new LocalMailbox(localSmtpServer, sms.getIfAvailable());
    }
}
