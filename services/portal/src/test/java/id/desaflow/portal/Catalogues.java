package id.desaflow.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

/** Intake's letter catalogue as the page tests see it. */
public final class Catalogues {
    public static final String SKU = """
            {"code":"surat-keterangan-usaha","label":"Surat Keterangan Usaha","labelEn":"Business Certificate",
             "fields":[
              {"name":"namaUsaha","label":"Nama usaha","labelEn":"Business name","required":true,"maxLength":100},
              {"name":"alamatUsaha","label":"Alamat usaha","labelEn":"Business address","required":true,"maxLength":200},
              {"name":"lamaUsaha","label":"Lama usaha (tahun)","labelEn":"Years in business","required":false,"maxLength":3},
              {"name":"statusTempat","label":"Status tempat usaha","labelEn":"Premises","required":false,"kind":"choice",
               "options":["Milik sendiri","Sewa"]}
             ],
             "requirements":["Fotokopi KTP"],
             "attachments":[
              {"kind":"ktp","label":"Foto KTP","labelEn":"ID card photo","required":true,"maxBytes":2097152,
               "contentTypes":["image/jpeg","image/png","application/pdf"]},
              {"kind":"foto-usaha","label":"Foto tempat usaha","required":false,"maxBytes":2097152,
               "contentTypes":["image/jpeg","image/png"]}
             ]}""";
    public static final String KELAHIRAN = """
            {"code":"surat-keterangan-kelahiran","label":"Surat Keterangan Kelahiran","labelEn":"Birth Certificate",
             "onlineAllowed":false,"fields":[]}""";

    private Catalogues() {
    }

    /** Serves the catalogue as a bare array (intake may also wrap it as {"items": [...]}, see the home test). */
    public static void stub() {
        Backends.INTAKE.stubFor(get("/api/v1/letter-types").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[" + SKU + "," + KELAHIRAN + "]")));
    }
}
