package id.desaflow.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Intake's letter catalogue as the page tests see it (the shape of workflows/catalogue/letter-types.json). */
public final class Catalogues {
    public static final String SKU = """
            {"code":"surat-keterangan-usaha","trackingPrefix":"SKU","label":"Surat Keterangan Usaha",
             "labelEn":"Business Certificate","classificationCode":"500","workflow":"surat-keterangan-usaha",
             "onlineAllowed":true,
             "fields":[
              {"name":"namaUsaha","label":"Nama usaha","labelEn":"Business name","required":true,"kind":"text",
               "maxLength":100,"help":"Contoh: Warung Makan Sri Rejeki"},
              {"name":"alamatUsaha","label":"Alamat usaha","labelEn":"Business address","required":true,
               "kind":"textarea","maxLength":200},
              {"name":"mulaiUsaha","label":"Tahun mulai usaha","labelEn":"Year started","required":false,"kind":"year",
               "maxLength":4,"min":1950,"max":2026},
              {"name":"statusTempat","label":"Status tempat usaha","labelEn":"Premises","required":false,
               "kind":"choice","options":["Milik sendiri","Sewa"]},
              {"name":"omzet","label":"Omzet per bulan","required":false,"kind":"number","maxLength":15},
              {"name":"tanggalMulai","label":"Tanggal mulai","required":false,"kind":"date","maxLength":10},
              {"name":"nikPengelola","label":"NIK pengelola","required":false,"kind":"nik","maxLength":20},
              {"name":"telepon","label":"Telepon usaha","required":false,"kind":"phone","maxLength":20},
              {"name":"surel","label":"Email usaha","required":false,"kind":"email","maxLength":254}
             ],
             "requirements":["Fotokopi KTP"],
             "attachments":[
              {"kind":"ktp","label":"Foto KTP","labelEn":"ID card photo","required":true,"maxBytes":2097152,
               "contentTypes":["image/jpeg","image/png","application/pdf"]},
              {"kind":"foto-usaha","label":"Foto tempat usaha","labelEn":"Photo of the premises","required":false,
               "maxBytes":1048576,"contentTypes":["image/jpeg","image/png"]}
             ]}""";
    public static final String KELAHIRAN = """
            {"code":"surat-keterangan-kelahiran","trackingPrefix":"LHR","label":"Surat Keterangan Kelahiran",
             "labelEn":"Birth Certificate","onlineAllowed":false,
             "fields":[{"name":"namaBayi","label":"Nama bayi","required":true,"kind":"text","maxLength":100}],
             "attachments":[{"kind":"surat-bidan","label":"Surat keterangan bidan","required":true,
               "maxBytes":2097152}]}""";

    private Catalogues() {
    }

    /** Serves the village's catalogue as a bare array (intake may also wrap it as {"items": [...]}). */
    public static void stub() {
        Backends.INTAKE.stubFor(get(urlPathEqualTo("/api/v1/letter-types"))
                .withQueryParam("village", equalTo("3309012004"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + SKU + "," + KELAHIRAN + "]")));
    }
}
