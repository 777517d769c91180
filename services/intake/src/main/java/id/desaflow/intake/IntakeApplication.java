package id.desaflow.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Schedules its own jobs (orphaned attachments), not only when the platform's outbox relay happens to. */
@SpringBootApplication
@EnableScheduling
public class IntakeApplication {
    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
