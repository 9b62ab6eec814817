package dev.ponte.sandbox.reviso;

import dev.ponte.sandbox.reviso.Reviso.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed data of the emulated Italian agreement. Shapes follow shared/vendor-apis/README.md (Reviso section) and
 * research-notes §3; the values are invented but realistic (Italian payment terms, VAT codes such as {@code V022},
 * provinces with their two-letter codes). Zone 4 (domestic exempt) is not enabled for customers here, so the
 * emulator can refuse a zone that is not.
 */
final class RevisoSeeds {

    /** Every Italian province (and metropolitan city) code with its name; numbers follow this order (a guess). */
    private static final String PROVINCES = "AG Agrigento,AL Alessandria,AN Ancona,AO Aosta,AP Ascoli Piceno,"
            + "AQ L'Aquila,AR Arezzo,AT Asti,AV Avellino,BA Bari,BG Bergamo,BI Biella,BL Belluno,BN Benevento,"
            + "BO Bologna,BR Brindisi,BS Brescia,BT Barletta-Andria-Trani,BZ Bolzano,CA Cagliari,CB Campobasso,"
            + "CE Caserta,CH Chieti,CL Caltanissetta,CN Cuneo,CO Como,CR Cremona,CS Cosenza,CT Catania,CZ Catanzaro,"
            + "EN Enna,FC Forlì-Cesena,FE Ferrara,FG Foggia,FI Firenze,FM Fermo,FR Frosinone,GE Genova,GO Gorizia,"
            + "GR Grosseto,IM Imperia,IS Isernia,KR Crotone,LC Lecco,LE Lecce,LI Livorno,LO Lodi,LT Latina,LU Lucca,"
            + "MB Monza e Brianza,MC Macerata,ME Messina,MI Milano,MN Mantova,MO Modena,MS Massa-Carrara,MT Matera,"
            + "NA Napoli,NO Novara,NU Nuoro,OR Oristano,PA Palermo,PC Piacenza,PD Padova,PE Pescara,PG Perugia,"
            + "PI Pisa,PN Pordenone,PO Prato,PR Parma,PT Pistoia,PU Pesaro e Urbino,PV Pavia,PZ Potenza,RA Ravenna,"
            + "RC Reggio Calabria,RE Reggio Emilia,RG Ragusa,RI Rieti,RM Roma,RN Rimini,RO Rovigo,SA Salerno,SI Siena,"
            + "SO Sondrio,SP La Spezia,SR Siracusa,SS Sassari,SU Sud Sardegna,SV Savona,TA Taranto,TE Teramo,"
            + "TN Trento,TO Torino,TP Trapani,TR Terni,TS Trieste,TV Treviso,UD Udine,VA Varese,VB Verbano-Cusio-Ossola,"
            + "VC Vercelli,VE Venezia,VI Vicenza,VR Verona,VT Viterbo,VV Vibo Valentia";

    private RevisoSeeds() {
    }

    static Map<String, List<Map<String, Object>>> reference() {
        Map<String, List<Map<String, Object>>> ref = new LinkedHashMap<>();
        ref.put("vat-zones", List.of(
                vatZone(1, "Domestic", true), vatZone(2, "EU", true), vatZone(3, "Abroad", true),
                vatZone(4, "Domestic exempt", false)));
        ref.put("vat-accounts", List.of(
                vatAccount("V022", "Iva 22%", "22"), vatAccount("V010", "Iva 10%", "10"),
                vatAccount("V005", "Iva 5%", "5"), vatAccount("V004", "Iva 4%", "4"),
                vatAccount("N2.2", "Non soggetto art.7 DPR 633/72", "0"),
                vatAccount("N3.2", "Non imponibile cessioni intracomunitarie art.41", "0")));
        ref.put("payment-terms", List.of(
                paymentTerms(1, "Rimessa diretta", 0, "net"), paymentTerms(2, "30 gg d.f.", 30, "net"),
                paymentTerms(3, "60 gg d.f.", 60, "net"), paymentTerms(9, "30 gg d.f.f.m.", 30, "invoiceMonth"),
                paymentTerms(11, "60 gg d.f.f.m.", 60, "invoiceMonth")));
        ref.put("payment-types", List.of(
                row("paymentTypeNumber", 1, "name", "Bonifico bancario"),
                row("paymentTypeNumber", 2, "name", "Ricevuta bancaria (Ri.Ba.)"),
                row("paymentTypeNumber", 3, "name", "Rimessa diretta"),
                row("paymentTypeNumber", 4, "name", "Contanti"),
                row("paymentTypeNumber", 5, "name", "Carta di credito")));
        ref.put("customer-groups", List.of(
                row("customerGroupNumber", 1, "name", "Clienti Italia"),
                row("customerGroupNumber", 2, "name", "Clienti UE"),
                row("customerGroupNumber", 3, "name", "Clienti extra UE")));
        ref.put("price-groups", List.of(
                row("priceGroupNumber", 1, "name", "Listino base"),
                row("priceGroupNumber", 2, "name", "Listino rivenditori")));
        ref.put("currencies", List.of(
                currency("EUR", "Euro", 978), currency("USD", "Dollaro statunitense", 840),
                currency("GBP", "Sterlina britannica", 826), currency("CHF", "Franco svizzero", 756)));
        ref.put("units", List.of(
                row("unitNumber", 1, "name", "Pz"), row("unitNumber", 2, "name", "Ore"),
                row("unitNumber", 3, "name", "Kg"), row("unitNumber", 4, "name", "Mt"),
                row("unitNumber", 5, "name", "Lt"), row("unitNumber", 6, "name", "Conf")));
        ref.put("product-groups", List.of(
                row("productGroupNumber", 1, "name", "Prodotti"), row("productGroupNumber", 2, "name", "Servizi")));
        ref.put("layouts", List.of(
                row("layoutNumber", 9, "name", "Standard"), row("layoutNumber", 19, "name", "Standard con logo")));
        List<Map<String, Object>> provinces = new ArrayList<>();
        String[] all = PROVINCES.split(",");
        for (int i = 0; i < all.length; i++) {
            String code = all[i].substring(0, 2);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", code);
            p.put("countryCode", Reviso.ref("code", "IT", "/country-codes/"));
            p.put("name", all[i].substring(3));
            p.put("provinceNumber", i + 1);
            p.put("self", "/provinces/IT/" + (i + 1));
            provinces.add(p);
        }
        ref.put("provinces/IT", List.copyOf(provinces));
        return ref;
    }

    /** Customers every reset starts with: a Catania company, a Milan sole trader and a German customer. */
    static List<Customer> customers(Instant now) {
        return List.of(
                new Customer(1, "Neri Franco & C. snc", "EUR", 1, 9, 1, 1, null, "02250850878", null,
                        "amministrazione@nerifranco.it", "+39 095 123456", null, "Piazza Spirito Santo 4", "Catania",
                        "95124", "IT", province("CT"), "nerifranco@pec.it", now),
                new Customer(2, "Bianchi Maria", "EUR", 1, 2, 1, 3, 1, null, "BNCMRA80A41F205H", "maria@bianchi.it",
                        null, "+39 333 1234567", "Via Torino 12", "Milano", "20123", "IT", province("MI"), null, now),
                new Customer(3, "Müller Maschinenbau GmbH", "EUR", 2, 3, 2, 1, null, "DE129273398", null,
                        "buchhaltung@mueller-mb.de", "+49 89 998877", null, "Leopoldstraße 8", "München", "80802", "DE",
                        null, null, now));
    }

    static List<Map<String, Object>> products(Instant now) {
        return List.of(
                product("VARIE", "Varie", "0", 1, 1, now),
                product("CONS-H", "Consulenza oraria", "80", 2, 2, now),
                product("LIC-CRM", "Licenza CRM annuale", "1200", 2, 1, now),
                product("HW-RT01", "Router aziendale RT01", "349.9", 1, 1, now));
    }

    static Integer province(String code) {
        String[] all = PROVINCES.split(",");
        for (int i = 0; i < all.length; i++) {
            if (all[i].startsWith(code + " ")) {
                return i + 1;
            }
        }
        return null;
    }

    static Map<String, Object> product(String number, String name, String price, int group, int unit, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("productNumber", number);
        p.put("name", name);
        p.put("salesPrice", new BigDecimal(price));
        p.put("barred", false);
        p.put("lastUpdated", now);
        p.put("productGroup", Reviso.ref("productGroupNumber", group, "/product-groups/"));
        p.put("unit", Reviso.ref("unitNumber", unit, "/units/"));
        p.put("self", "/products/" + number);
        return p;
    }

    private static Map<String, Object> vatZone(int number, String name, boolean forCustomer) {
        Map<String, Object> z = row("vatZoneNumber", number, "name", name);
        z.put("enabledForCustomer", forCustomer);
        z.put("enabledForSupplier", true);
        return z;
    }

    private static Map<String, Object> vatAccount(String code, String name, String rate) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("vatCode", code);
        a.put("name", name);
        a.put("ratePercentage", new BigDecimal(rate));
        a.put("vatType", Map.of("vatTypeNumber", 1, "name", "Iva vendite"));
        a.put("self", "/vat-accounts/" + code);
        return a;
    }

    private static Map<String, Object> paymentTerms(int number, String name, int days, String type) {
        Map<String, Object> t = row("paymentTermsNumber", number, "name", name);
        t.put("daysOfCredit", days);
        t.put("paymentTermsType", type);
        return t;
    }

    private static Map<String, Object> currency(String code, String name, int iso) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", name);
        c.put("isoNumber", String.valueOf(iso));
        c.put("self", "/currencies/" + code);
        return c;
    }

    /** A row of {@code {<key>: number, name, self}} under the collection the key names. */
    private static Map<String, Object> row(String key, int number, String nameKey, String name) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(key, number);
        r.put(nameKey, name);
        String collection = switch (key) {
            case "vatZoneNumber" -> "vat-zones";
            case "paymentTermsNumber" -> "payment-terms";
            case "paymentTypeNumber" -> "payment-types";
            case "customerGroupNumber" -> "customer-groups";
            case "priceGroupNumber" -> "price-groups";
            case "unitNumber" -> "units";
            case "productGroupNumber" -> "product-groups";
            default -> "layouts";
        };
        r.put("self", "/" + collection + "/" + number);
        return r;
    }
}
