package org.sitrep.extract;

import static org.sitrep.schema.ClaimantKind.anonymous_official;
import static org.sitrep.schema.ClaimantKind.local_source;
import static org.sitrep.schema.ClaimantKind.ngo_un;
import static org.sitrep.schema.ClaimantKind.state;
import static org.sitrep.schema.EventType.airstrike;
import static org.sitrep.schema.EventType.ambush;
import static org.sitrep.schema.EventType.armed_clash;
import static org.sitrep.schema.EventType.attack_on_base;
import static org.sitrep.schema.EventType.attack_on_civilians;
import static org.sitrep.schema.EventType.ied;
import static org.sitrep.schema.EventType.suicide_bombing;
import static org.sitrep.schema.Party.civilians;
import static org.sitrep.schema.Party.foreign_forces;
import static org.sitrep.schema.Party.militants;
import static org.sitrep.schema.Party.state_forces;
import static org.sitrep.schema.Party.unknown;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lexicon table of the languages read by pass-through (Spanish, Portuguese, German, Italian): one
 * {@link LanguageProfile} each, all built the same way, so a language is added by adding an entry here. English and
 * French are read by the full extractor and are not in this table.
 *
 * <p>Claimant nouns name claimants as the English extractor would ("army", "government", "security sources"), so
 * that the reconciler folds a Spanish "ejército" onto the one army an incident names, as it does "the army".
 */
final class LanguageProfiles {

    private LanguageProfiles() {}

    /** UN and NGO names shared by the languages ("un" and "uno" are words of Spanish and Italian: German only). */
    private static final String UN = "onu minusma ocha unicef unhcr acnur hrw human_rights_watch amnesty msf cicr icrc "
            + "ikrk acled";

    static final LanguageProfile ES = LanguageProfile.builder("es")
            .stopWords("el los las y fueron fue según tras sus han también muy hasta donde cuando ayer están")
            .killed("muertos muertas muerto muerta murieron murió fallecidos fallecidas fallecieron falleció "
                    + "asesinados asesinadas asesinaron asesinó mataron mató matando ejecutados abatidos abatieron "
                    + "perdieron_la_vida víctimas_mortales muertes")
            .injured("heridos heridas herido herida hirieron lesionados lesionadas")
            .missing("desaparecidos desaparecidas secuestrados secuestradas secuestraron capturados capturadas "
                    + "capturaron raptados raptadas")
            .party(state_forces, "soldados soldado militares militar efectivos uniformados gendarmes policías agentes "
                    + "tropas guardias reclutas")
            .party(foreign_forces, "mercenarios cascos")
            .party(militants, "yihadistas yihadista terroristas terrorista milicianos insurgentes atacantes asaltantes "
                    + "combatientes islamistas extremistas rebeldes bandidos")
            .party(civilians, "civiles civil aldeanos pobladores habitantes vecinos mujeres niños niñas pasajeros "
                    + "fieles estudiantes alumnos campesinos agricultores pastores comerciantes mineros desplazados "
                    + "refugiados")
            .party(unknown, "personas persona víctimas hombres")
            .others("otros otras")
            .foreign("franceses francés rusos ruso wagner estadounidenses minusma onu extranjeros")
            .armed("armados armadas yihadistas terroristas presuntos")
            .auxiliaries("fueron fue han sido habían había resultaron resultó quedaron están estaban son eran todos "
                    + "también ya")
            .glue("de")
            .conjunctions("y e ,")
            .atLeast("al_menos por_lo_menos más_de no_menos_de")
            .about("unos unas cerca_de alrededor_de aproximadamente casi")
            .months("enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre")
            .attribution("según de_acuerdo_con de_acuerdo_a")
            .claimant("army", state, "ejército")
            .claimant("armed forces", state, "fuerzas_armadas")
            .claimant("general staff", state, "estado_mayor")
            .claimant("government", state, "gobierno")
            .claimant("ministry", state, "ministerio")
            .claimant("spokesman", state, "portavoz")
            .claimant("UN", ngo_un, UN + " naciones_unidas médicos_sin_fronteras")
            .claimant("security sources", anonymous_official, "fuentes_de_seguridad fuente_de_seguridad "
                    + "fuentes_militares fuente_militar")
            .claimant("residents", local_source, "vecinos residentes habitantes testigos")
            .claimant("local officials", local_source, "alcalde fuentes_locales autoridades_locales")
            .event(ambush, "emboscada emboscadas")
            .event(suicide_bombing, "atentado_suicida terrorista_suicida kamikaze coche_bomba")
            .event(attack_on_base, "base_militar cuartel")
            .event(airstrike, "bombardeo ataque_aéreo")
            .event(ied, "artefacto_explosivo explosivo_improvisado")
            .event(attack_on_civilians, "masacre matanza")
            .event(armed_clash, "enfrentamientos combates choques")
            .build();

    static final LanguageProfile PT = LanguageProfile.builder("pt")
            .stopWords("o os do em um uma foram foi pelo pela não ao na nas com são também até ontem disse")
            .killed("mortos mortas morto morta morreram morreu assassinados assassinadas mataram matou executados "
                    + "abatidos perderam_a_vida mortes")
            .injured("feridos feridas ferido ferida")
            .missing("desaparecidos desaparecidas sequestrados sequestradas raptados raptadas capturados capturadas")
            .party(state_forces, "soldados soldado militares militar policiais polícias agentes tropas gendarmes "
                    + "guardas efetivos")
            .party(foreign_forces, "mercenários capacetes")
            .party(militants, "jihadistas jihadista terroristas terrorista insurgentes atacantes assaltantes "
                    + "combatentes islamitas extremistas rebeldes bandidos milicianos")
            .party(civilians, "civis civil aldeões moradores habitantes mulheres crianças passageiros fiéis "
                    + "estudantes alunos agricultores camponeses pastores comerciantes mineiros deslocados refugiados")
            .party(unknown, "pessoas pessoa vítimas homens")
            .others("outros outras")
            .foreign("franceses francês russos russo wagner minusma onu estrangeiros americanos")
            .armed("armados armadas supostos presumíveis")
            .auxiliaries("foram foi ficaram ficou estão estavam são eram tinham todos também já")
            .glue("de")
            .conjunctions("e ,")
            .atLeast("pelo_menos ao_menos mais_de no_mínimo")
            .about("cerca_de aproximadamente quase perto_de uns umas em_torno_de")
            .months("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro")
            .attribution("segundo de_acordo_com conforme")
            .claimant("army", state, "exército")
            .claimant("armed forces", state, "forças_armadas")
            .claimant("general staff", state, "estado-maior estado_maior")
            .claimant("government", state, "governo")
            .claimant("ministry", state, "ministério")
            .claimant("spokesman", state, "porta-voz")
            .claimant("UN", ngo_un, UN + " nações_unidas médicos_sem_fronteiras")
            .claimant("security sources", anonymous_official, "fontes_de_segurança fonte_de_segurança "
                    + "fontes_militares fonte_militar")
            .claimant("residents", local_source, "moradores habitantes testemunhas")
            .claimant("local officials", local_source, "prefeito fontes_locais autoridades_locais")
            .event(ambush, "emboscada emboscadas")
            .event(suicide_bombing, "atentado_suicida homem-bomba kamikaze carro-bomba")
            .event(attack_on_base, "base_militar quartel")
            .event(airstrike, "bombardeio ataque_aéreo")
            .event(ied, "artefato_explosivo engenho_explosivo")
            .event(attack_on_civilians, "massacre chacina")
            .event(armed_clash, "confrontos combates")
            .build();

    static final LanguageProfile DE = LanguageProfile.builder("de")
            .stopWords("der die das und den dem nicht mit von bei wurden wurde ist sind ein eine einem einer auf im zu "
                    + "nach sich auch am vom zum")
            .killed("getötet getötete getöteten tötete töteten tote toten starben ums_Leben erschossen ermordet "
                    + "Todesopfer")
            .injured("verletzt verletzte verletzten verwundet verwundete verwundeten")
            .missing("vermisst vermisste vermissten entführt entführte entführten verschleppt verschleppte "
                    + "gefangen_genommen gefangengenommen verschwunden")
            .party(state_forces, "Soldaten Soldat Militärs Sicherheitskräfte Polizisten Gendarmen Armeeangehörige "
                    + "Regierungssoldaten")
            .party(foreign_forces, "Söldner Blauhelme Blauhelmsoldaten Friedenssoldaten")
            .party(militants, "Dschihadisten Dschihadist Islamisten Terroristen Extremisten Aufständische "
                    + "Aufständischen Angreifer Kämpfer Rebellen Milizionäre Bewaffnete")
            .party(civilians, "Zivilisten Zivilistinnen Dorfbewohner Bewohner Einwohner Frauen Kinder Fahrgäste "
                    + "Passagiere Gläubige Schüler Schülerinnen Studenten Bauern Hirten Händler Flüchtlinge Vertriebene")
            .party(unknown, "Menschen Personen Opfer Männer")
            .others("weitere andere")
            .foreign("französische französischen russische russischen Wagner UN Minusma ausländische amerikanische")
            .armed("bewaffnete bewaffneten mutmaßliche mutmaßlichen")
            .auxiliaries("wurden wurde sind waren seien worden sei alle auch dabei insgesamt")
            .glue("")
            .conjunctions("und ,")
            .atLeast("mindestens mehr_als über nicht_weniger_als wenigstens")
            .about("etwa rund ungefähr fast knapp circa ca bis_zu")
            .months("Januar|Jänner Februar März April Mai Juni Juli August September Oktober November Dezember")
            .attribution("laut nach_Angaben zufolge")
            .claimant("army", state, "Armee")
            .claimant("military", state, "Militär")
            .claimant("armed forces", state, "Streitkräfte")
            .claimant("general staff", state, "Generalstab")
            .claimant("government", state, "Regierung")
            .claimant("ministry", state, "Ministerium Verteidigungsministerium")
            .claimant("spokesman", state, "Sprecher")
            .claimant("UN", ngo_un, UN + " UN UNO Vereinten_Nationen Ärzte_ohne_Grenzen")
            .claimant("security sources", anonymous_official, "Sicherheitskreise Sicherheitskreisen Sicherheitsquellen "
                    + "Militärkreise Militärkreisen")
            .claimant("residents", local_source, "Anwohner Augenzeugen Bewohner Einwohner Dorfbewohner")
            .claimant("local officials", local_source, "Bürgermeister lokale_Behörden örtliche_Behörden")
            .event(ambush, "Hinterhalt")
            .event(suicide_bombing, "Selbstmordanschlag Selbstmordattentäter Selbstmordattentat Autobombe")
            .event(attack_on_base, "Militärstützpunkt Militärlager Kaserne Stützpunkt")
            .event(airstrike, "Luftangriff Luftangriffe Drohnenangriff")
            .event(ied, "Sprengsatz Sprengfalle")
            .event(attack_on_civilians, "Massaker")
            .event(armed_clash, "Gefechte Kämpfe Zusammenstöße")
            .build();

    static final LanguageProfile IT = LanguageProfile.builder("it")
            .stopWords("della di che gli nel nella sono per dei delle stati anche alla degli dal dalla hanno secondo "
                    + "tra ed questo questa dopo ieri")
            .killed("morti morto morta morte uccisi uccise ucciso uccisa morirono perso_la_vita ammazzati giustiziati")
            .injured("feriti ferite ferito ferita")
            .missing("dispersi disperse disperso rapiti rapite rapito sequestrati sequestrate catturati catturate "
                    + "fatti_prigionieri")
            .party(state_forces, "soldati soldato militari militare agenti poliziotti gendarmi truppe carabinieri "
                    + "guardie")
            .party(foreign_forces, "mercenari caschi")
            .party(militants, "jihadisti jihadista terroristi terrorista miliziani insorti assalitori aggressori "
                    + "combattenti islamisti estremisti ribelli banditi")
            .party(civilians, "civili abitanti residenti donne bambini passeggeri fedeli studenti alunni contadini "
                    + "agricoltori pastori commercianti minatori sfollati rifugiati")
            .party(unknown, "persone vittime uomini")
            .others("altri altre")
            .foreign("francesi russi wagner onu minusma stranieri americani")
            .armed("armati armate presunti")
            .auxiliaries("sono stati state erano furono hanno rimasti rimaste restati tutti anche già")
            .glue("di")
            .conjunctions("e ed ,")
            .atLeast("almeno più_di oltre non_meno_di")
            .about("circa quasi intorno_a approssimativamente")
            .months("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre")
            .attribution("secondo stando_a")
            .claimant("army", state, "esercito")
            .claimant("armed forces", state, "forze_armate")
            .claimant("general staff", state, "stato_maggiore")
            .claimant("government", state, "governo")
            .claimant("ministry", state, "ministero")
            .claimant("spokesman", state, "portavoce")
            .claimant("UN", ngo_un, UN + " nazioni_unite medici_senza_frontiere")
            .claimant("security sources", anonymous_official, "fonti_di_sicurezza fonte_di_sicurezza fonti_militari "
                    + "fonte_militare")
            .claimant("residents", local_source, "residenti abitanti testimoni")
            .claimant("local officials", local_source, "sindaco fonti_locali autorità_locali")
            .event(ambush, "imboscata agguato")
            .event(suicide_bombing, "attentato_suicida kamikaze autobomba")
            .event(attack_on_base, "base_militare caserma avamposto")
            .event(airstrike, "bombardamento raid_aereo attacco_aereo")
            .event(ied, "ordigno ordigno_esplosivo")
            .event(attack_on_civilians, "massacro strage")
            .event(armed_clash, "scontri combattimenti")
            .build();

    private static final Map<String, LanguageProfile> BY_CODE = Map.of("es", ES, "pt", PT, "de", DE, "it", IT);

    /** Every profile of the table. */
    static List<LanguageProfile> all() {
        return List.of(ES, PT, DE, IT);
    }

    /** The profile of an ISO 639-1 code ("es", "pt-BR"), or {@link LanguageProfile#NONE}. */
    static LanguageProfile of(String code) {
        if (code == null) {
            return LanguageProfile.NONE;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        if (dash < 0) {
            dash = c.indexOf('_');
        }
        return BY_CODE.getOrDefault(dash > 0 ? c.substring(0, dash) : c, LanguageProfile.NONE);
    }
}
