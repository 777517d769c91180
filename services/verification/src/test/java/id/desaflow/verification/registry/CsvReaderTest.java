package id.desaflow.verification.registry;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

    private static List<CsvReader.Row> rows(CsvReader csv) {
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void learnsTheSeparatorFromTheHeaderAndSkipsTheByteOrderMark() {
        CsvReader csv = new CsvReader(new StringReader("\uFEFFnik;nama;alamat\r\n1;\"Sri; Wahyuni\";Beji\r\n"));

        assertThat(csv.header().cells()).containsExactly("nik", "nama", "alamat");
        assertThat(csv.separator()).isEqualTo(';');
        assertThat(rows(csv)).singleElement().satisfies(r -> {
            assertThat(r.cells()).containsExactly("1", "Sri; Wahyuni", "Beji");
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void readsQuotedQuotesSeparatorsAndLineBreaksAndCountsPhysicalLines() {
        CsvReader csv = new CsvReader(new StringReader("nik,nama,alamat\n"
                + "1,\"Sri \"\"Yuni\"\"\",\"Jl. Melati 3,\nDukuh Beji\"\n"
                + "\n"
                + "2,Joko,Bulu"));
        csv.header();

        List<CsvReader.Row> rows = rows(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cells()).containsExactly("1", "Sri \"Yuni\"", "Jl. Melati 3,\nDukuh Beji");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).isBlank()).isTrue();
        assertThat(rows.get(2).cells()).containsExactly("2", "Joko", "Bulu");
        assertThat(rows.get(2).line()).isEqualTo(5);
    }

    @Test
    void anUnclosedQuoteCostsItsFewLinesNotTheRestOfTheFile() {
        StringBuilder file = new StringBuilder("nik\tnama\n1\t\"Tidak ditutup\n");
        for (int i = 0; i < 10; i++) {
            file.append(i + 10).append("\tWarga ").append(i).append('\n');
        }
        CsvReader csv = new CsvReader(new StringReader(file.toString()));
        assertThat(csv.header().cells()).containsExactly("nik", "nama");
        assertThat(csv.separator()).isEqualTo('\t');

        List<CsvReader.Row> rows = rows(csv);
        assertThat(rows.get(0).broken()).contains("tanda kutip");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).lastLine()).isEqualTo(6);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.broken()).isNull()).hasSize(6);
        assertThat(rows.get(1).line()).isEqualTo(7);
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThat(new CsvReader(new StringReader("")).header()).isNull();
    }
}
