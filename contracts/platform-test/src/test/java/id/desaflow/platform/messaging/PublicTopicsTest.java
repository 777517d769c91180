package id.desaflow.platform.messaging;

import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.catalogue.StoredVillageLetterTypes;
import id.desaflow.platform.catalogue.VillageLetterTypes;
import id.desaflow.platform.config.PlatformDefaults;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service creates the public topics at start-up; the reference-data ones are compacted, so the latest version
 * of every village's letter type and every official stays readable after the event topics' retention. A compacted
 * topic the broker created on first use with the default policy is set right at the next start.
 */
@SpringJUnitConfig
@EmbeddedKafka(kraft = true, partitions = 1)
class PublicTopicsTest {
    private static final List<String> COMPACTED = List.of(Topics.INTAKE_LETTER_TYPES, Topics.IDENTITY_OFFICIALS);
    private static final List<String> DELETED = List.of(Topics.INTAKE, Topics.VERIFICATION, Topics.APPROVAL,
            Topics.NOTIFICATION, Topics.IDENTITY);

    @Autowired
    EmbeddedKafkaBroker broker;

    private ApplicationContextRunner service() {
        return new ApplicationContextRunner()
                .withInitializer(context -> {
                    context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
                    new PlatformDefaults().postProcessEnvironment(context.getEnvironment(), null);
                })
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                        KafkaMessagingConfiguration.class, MongoAutoConfiguration.class,
                        MongoDataAutoConfiguration.class, StoredVillageLetterTypes.class))
                .withPropertyValues("spring.application.name=checker",
                        "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.listener.auto-startup=false");
    }

    @Test
    void referenceDataTopicsAreCompactedAndEventTopicsAreNot() throws Exception {
        try (AdminClient admin = admin()) {
            // as if a producer had got there first with the broker's default policy
            admin.createTopics(List.of(new NewTopic(Topics.IDENTITY_OFFICIALS, 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(policy(admin, Topics.IDENTITY_OFFICIALS)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);

            service().run(context -> assertThat(context).hasNotFailed());

            for (String topic : COMPACTED) { // the broker applies a changed policy shortly after the controller
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(policy(admin, topic)).as(topic)
                        .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            for (String topic : DELETED) {
                assertThat(policy(admin, topic)).as(topic).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            }
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains(Topics.deadLetter(Topics.INTAKE_LETTER_TYPES, "checker"));
        }
    }

    @Test
    void storingVillagesLetterTypesIsForTheServicesThatAskForIt() {
        service().run(context -> assertThat(context).doesNotHaveBean(VillageLetterTypes.class));
        service().withPropertyValues("desaflow.village-letter-types.store=true")
                .run(context -> assertThat(context).hasSingleBean(VillageLetterTypes.class));
    }

    private AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    private static String policy(AdminClient admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
