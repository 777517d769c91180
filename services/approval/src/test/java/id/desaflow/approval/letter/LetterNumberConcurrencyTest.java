package id.desaflow.approval.letter;

import id.desaflow.approval.SpringServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The known weakness of village systems: concurrent signing must never hand out a number twice or skip one. */
class LetterNumberConcurrencyTest extends SpringServiceTest {
    private static final String TEST_VILLAGE = "3309010001";

    @Autowired
    LetterRegister register;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    LetterSettings settings;
    @Autowired
    VillageLetterTypes letterTypes;
    @Autowired
    java.time.Clock clock;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
    String databaseUrl;

    /**
     * Two approval-service replicas on one database: the second has its own connection pool, transaction manager
     * and register, like another process would. Forty signings alternate between them; the numbers stay unique and
     * gap-free because the sequence row lock lives in the database, not in either process.
     */
    @Test
    void twoReplicasOnOneDatabaseShareOneGapFreeSequence() throws Exception {
        String village = "3309010002";
        com.zaxxer.hikari.HikariDataSource otherPool = new com.zaxxer.hikari.HikariDataSource();
        otherPool.setJdbcUrl(databaseUrl);
        otherPool.setUsername("sa");
        otherPool.setMaximumPoolSize(10);
        try {
            var otherJdbc = new org.springframework.jdbc.core.JdbcTemplate(otherPool);
            var otherTransactions = new org.springframework.jdbc.datasource.DataSourceTransactionManager(otherPool);
            var otherRegister = new LetterRegister(otherJdbc, new LetterSequences(otherJdbc, otherTransactions),
                    settings, letterTypes, clock);
            TransactionTemplate here = new TransactionTemplate(transactions);
            TransactionTemplate there = new TransactionTemplate(otherTransactions);
            List<Callable<String>> signings = IntStream.range(0, 40).<Callable<String>>mapToObj(i -> () ->
                    i % 2 == 0 ? here.execute(s -> register.issue(signing(village, "Warga " + i)).letterNumber())
                            : there.execute(s -> otherRegister.issue(signing(village, "Warga " + i)).letterNumber()))
                    .toList();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<String> numbers = new ArrayList<>();
            try {
                for (Future<String> number : pool.invokeAll(signings)) {
                    numbers.add(number.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(numbers).doesNotHaveDuplicates();
            assertThat(numbers.stream().map(n -> Integer.parseInt(n.split("/")[1])).sorted().toList())
                    .isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
        } finally {
            otherPool.close();
        }
    }

    @Test
    void twentyConcurrentSigningsGetTwentyDistinctGapFreeNumbers() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Callable<String>> signings = IntStream.range(0, 20).<Callable<String>>mapToObj(i -> () -> tx.execute(
                s -> register.issue(signing(TEST_VILLAGE, "Warga " + i)).letterNumber())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> numbers = new ArrayList<>();
        try {
            for (Future<String> number : pool.invokeAll(signings)) {
                numbers.add(number.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("500/\\d{3}/" + TEST_VILLAGE
                + "/[IVX]+/\\d{4}"));
        assertThat(numbers.stream().map(n -> Integer.parseInt(n.split("/")[1])).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void aRolledBackSigningLeavesNoGap() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String village = "3309010001";
        String first = tx.execute(s -> register.issue(signing(village, "Warga A")).letterNumber());
        tx.executeWithoutResult(s -> {
            register.issue(signing(village, "Warga B"));
            s.setRollbackOnly();
        });
        String third = tx.execute(s -> register.issue(signing(village, "Warga C")).letterNumber());
        assertThat(Integer.parseInt(third.split("/")[1])).isEqualTo(Integer.parseInt(first.split("/")[1]) + 1);
    }

    @Test
    void aVillageThatCountsPerClassificationCodeNumbersEachCodeFromOne() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String village = "3309010003"; // desaflow.villages.3309010003.sequence-scope=CLASSIFICATION
        String business = tx.execute(s -> register.issue(signing(village, "Warga A")).letterNumber());
        String domicile = tx.execute(s -> register.issue(new LetterRegister.Signing(UUID.randomUUID().toString(),
                "DOM-TIGA01", "surat-keterangan-domisili", village, "Bulu", "Warga B", "3309014107900001",
                java.util.Map.of(), false)).letterNumber());
        String business2 = tx.execute(s -> register.issue(signing(village, "Warga C")).letterNumber());
        assertThat(business).startsWith("500/001/" + village);
        assertThat(domicile).startsWith("470/001/" + village);
        assertThat(business2).startsWith("500/002/" + village);
    }

    static LetterRegister.Signing signing(String village, String name) {
        String requestId = UUID.randomUUID().toString();
        return new LetterRegister.Signing(requestId, "SKU-" + requestId.substring(0, 6).toUpperCase(),
                "surat-keterangan-usaha", village, "Bulu", name, "3309014107900001", java.util.Map.of(), false);
    }
}
