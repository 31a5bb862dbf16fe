/**
 * German consent wording. Compounds are common ("Werbepartnern",
 * "Standortdaten", "Bonitätsprüfung"), so many entries match by prefix,
 * suffix or infix rather than by stem. Pattern notation: see pattern.ts.
 */
import type { Lexicon } from "./types.js";
import { porterDe, tokenizerDe } from "../natural-modules.js";

const PASS_ON =
  "weitergeb*|weitergab*|weitergegeb*|weiterzugeben|übermitt*|übertrag*|weiterleit*|verkauf*|offenleg*|bereitstell*|bereitgestellt|preisgeb*|überlass*";

const RECIPIENTS =
  "*partner*|dritt*|sponsor*|werbetreibend*|*unternehmen|*versicher*|händler*|kreditinstitut*|auskunftei*|*hotels|*banken|*marken";

/** Subject pronouns of the person addressed ("Sie", "du", "ihr"). */
const YOU = String.raw`(?:sie|du|ihr)`;

/** Words between a separable verb and its particle, within the clause ("der Nutzung von Cookies für Analyse und Werbung"). */
const MIDDLE = String.raw`(?:\s+[^.;!?]{0,160}?)?`;

/**
 * The particle ends the clause: a punctuation mark, the end of the text, or a
 * conjunction follows ("stimmen Sie zu, dass ...", "... zu und erklären ...").
 * Not "?": "Stimmen Sie zu?" asks. Not after "nicht": "stimmen Sie ... nicht zu" refuses.
 */
const PARTICLE_END = String.raw`\b(?=\s*(?:[,.;:!)]|$)|\s+(?:und|sowie|oder|dass|indem|wenn|sofern)\b)`;

/** The particle of a separable verb at the end of its clause, not negated. */
function particle(p: string): string {
  return String.raw`\s+(?<!\bnicht\s{1,3})${p}${PARTICLE_END}`;
}

/**
 * Separable grant verbs split around their object, the finite verb first and
 * the particle at the clause end: "stimmen Sie der Nutzung ... zu" (zustimmen),
 * "willigen Sie in ... ein" (einwilligen), "nehmen Sie ... an" (annehmen).
 * `verbFirst` is the inverted order after an action or adverb ("Mit Klick auf
 * OK stimmen Sie ... zu"); otherwise the subject comes first ("Sie stimmen
 * ... zu"). "Wir stimmen unsere Angebote auf Sie ab" has neither the subject
 * nor the particle.
 */
function splitGrant(verbFirst: boolean): string {
  const verb = (v: string): string =>
    verbFirst ? String.raw`${v}\s+${YOU}\b` : String.raw`${YOU}\s+(?:hiermit\s+|damit\s+|ausdrücklich\s+)?${v}\b`;
  return String.raw`(?:${verb("stimm(?:en|st|t)")}${MIDDLE}${particle("zu")}|${verb("willig(?:en|st|t)")}${MIDDLE}${particle("ein")}|${verb("(?:nehmen|nimmst|nehmt)")}${MIDDLE}${particle("an")})`;
}

/** The same verbs unsplit, as infinitives and at the end of a subordinate clause ("zuzustimmen", "..., dass Sie ... zustimmen"). */
const JOINED_GRANT = String.raw`(?:zustimm(?:en|st|t|e)|zugestimmt|zuzustimmen|einwillig(?:en|st|t|e)|eingewilligt|einzuwilligen|annehmen|annimmst|annimmt|anzunehmen)`;

/** A joined grant verb, not negated, at the end of its clause ("um der Nutzung zuzustimmen", "können Sie ... zustimmen"); not "zustimmen oder ablehnen". */
const JOINED_AT_END = String.raw`(?<!\bnicht\s{1,3})${JOINED_GRANT}\b(?=\s*(?:[.;:!)]|,(?!\s*(?:oder|bzw))|$)|\s+(?:und|sowie)\b)`;

/**
 * What follows an action ("Mit Klick auf OK ..."), verb first: a grant verb
 * with its subject ("erklären Sie sich", "akzeptieren Sie"), a separable verb
 * with its particle at the clause end, "geben Sie Ihre Einwilligung", or a
 * modal with the joined verb ("können Sie der Nutzung ... zustimmen").
 */
const GRANT_VERB = String.raw`(?:(?:erklär|akzeptier|bestätig|erteil|erlaub|gestatt)\w*\s+${YOU}\b|${splitGrant(true)}|(?:geben|gebt|gibst)\s+${YOU}\s+(?:uns\s+)?(?:ihre|deine|eure)\s+(?:ausdrückliche\s+)?(?:einwilligung|zustimmung|einverständnis)\b|(?:können|kannst|könnt)\s+${YOU}${MIDDLE}\s+${JOINED_AT_END})`;

/** Imperatives of a click ("Klicken Sie auf", "Klicke auf", "Tippen Sie auf"). */
const CLICK_IMPERATIVE = String.raw`(?:klick(?:en\s+sie|e|t)|tipp(?:en\s+sie|e|t)|drück(?:en\s+sie|e|t)|wähl(?:en\s+sie|e|t))\s+(?:bitte\s+)?(?:auf\s+)?`;

export const de: Lexicon = {
  language: "de",
  tools: { unit: "word", tokenizer: tokenizerDe, stemmer: porterDe, contractions: "none" },
  gap: 8,

  purposes: {
    "third-party-sharing": [
      `${PASS_ON}|teilen|teile|geteilt|zugänglich|zur verfügung <> ${RECIPIENTS}`,
      `*daten|daten|e-mail-adresse|*adresse|telefonnummer|*nummer|angaben|informationen|profil|*historie|*verlauf <> ${PASS_ON}`,
      { p: "dritt*|*partner*|sponsor*|werbetreibend* <> erhalt*|empfang*|nutzen|nutzt|verwend*|zugriff", gap: 6 },
    ],
    "credit-scoring": [
      "bonität*|*bonität*|kreditwürdig*|schufa*|*schufa*|kreditprüf*|*scoring*|=score|kreditauskunft*|auskunftei*|kreditscore*|kreditbewertung*|kreditrating*|zahlungsfähigkeit|zhima|sesame credit",
      { p: "bewert*|prüf*|einschätz*|ermitt*|berechn* <> kredit*|bonität*", gap: 4 },
      { p: "kredit* <> *vereinbarung*|*bedingung*|*vertrag*", gap: 3, not: "kreditkart*" },
      { p: "schufa*|bonität* <> *vereinbarung*|*bedingung*|*einwilligung*", gap: 4 },
    ],
    profiling: [
      "profiling|profilbildung|interessenprofil*|nutzerprofil*|persönlichkeitsprofil*|werbeprofil*|nutzungsprofil*|verhaltensprofil*|interessenanalyse",
      { p: "personalisiert*|zugeschnitten* <> empfehlung*|inhalte|vorschläge|feed", gap: 2 },
      { p: "analys*|auswert* <> *verhalten*|interessen|gewohnheiten|vorlieben", gap: 4 },
      { p: "empfehlung*|vorschläge|*empfehlung* <> *historie|*verlauf*|kaufverhalten|einkäufe*|bestellungen", gap: 5 },
    ],
    marketing: [
      "werbung|werbe*|*werbung|werblich*|marketing*|*marketing|newsletter*|*newsletter|angebot*|*angebot*|rabatt*|=aktionen|promotion*|sonderangebot*|*mailing*|*kampagne*|produktneuheiten|produktempfehlung*",
      { p: "informier* <> produkt*|dienstleistung*|neuigkeit*|aktion*|neuheit*", gap: 6 },
      {
        p: "*partner*|sponsor*|dritt*|unternehmen ~ mich|ihnen|dich ~ kontaktier*|anrufen|anschreiben|informier*",
        gap: 3,
        not: "zusteller*|paketdienst*|fahrer*|techniker*|monteur*",
      },
    ],
    "personalised-ads": [
      {
        p: "personalisiert*|individualisiert*|interessenbasiert*|interessenbezogen*|zugeschnitten*|zielgerichtet*|relevant*|passend*|maßgeschneidert* <> werbung|anzeige|anzeigen|werbeanzeige*|*werbung|reklame|ads|werbeinhalte",
        gap: 3,
      },
      {
        p: "werbung|anzeige|anzeigen|werbe* ~ auf grundlage|basierend auf|anhand|entsprechend ~ interessen|*verhalten*|*verlauf*|*aktivität*",
        gap: 3,
      },
      "retargeting|remarketing|anzeigenpersonalisierung|werbepersonalisierung",
    ],
    "analytics-cookies": [
      "analyse*|*analyse|analysier*|analytics|statistik*|*statistik*|reichweitenmessung|*messung|nutzungsanalyse|webanalyse|tracking|telemetrie|diagnose*|absturzbericht*|seitenaufruf*",
      { p: "statistik*|analyse*|marketing*|werbe*|tracking*|drittanbieter*|optional* ~ cookie*", gap: 2 },
      { p: "nicht ~ notwendig*|erforderlich*|essenziell* ~ cookie*", gap: 1 },
      // Eingebundene Dienste Dritter (Videos, Karten, Pixel) setzen eigene Cookies; nicht die Dienstleister eines Dienstes.
      { p: "extern*|drittanbieter* ~ dienst*|diensten|service*|inhalt*|medien|dienstleister*", gap: 0, not: "dienstleister*" },
      { p: "dienste|diensten|inhalte|inhalten ~ von ~ drittanbieter*|dritten", gap: 0 },
      { p: "cookie* <> analys*|statistik*|messen|messung|tracking|werb*|marketing", gap: 4 },
      { p: "auswert* <> seitenaufruf*|besuch*|nutzung*|zugriff*", gap: 4 },
      { p: "nutzungsdaten|diagnosedaten|absturzdaten <> verbesser*|senden|übermitt*", gap: 6 },
    ],
    location: [
      "standort*|*standort*|gps*|geolokalisierung|geolocation|ortung*|aufenthaltsort*|positionsdaten|bewegungsdaten|bewegungsprofil*",
      { p: "genau*|aktuell* ~ position|standort*", gap: 1 },
    ],
    contacts: ["=kontakte|=kontakten|adressbuch*|kontaktliste*|telefonbuch*|freundesliste*|*kontakte"],
    biometrics: [
      "biometri*|fingerabdr*|gesichtserkennung*|gesichtsscan*|gesichtsdaten|face id|touch id|stimmabdr*|stimmerkennung|irisscan*|netzhaut*",
    ],
    "model-training": [
      { p: "train*|trainier* <> ki|künstlich* intelligenz|*modell*|algorithm*|maschinell*|machine learning|ai|llm*", gap: 4 },
      { p: "verbesser*|weiterentwickl* <> ki|künstlich* intelligenz|ki-modell*|sprachmodell*|maschinell* lernen", gap: 4 },
      "ki-training|modelltraining|maschinelles lernen",
      {
        p: "*aufnahme*|fotos|bilder|*nachricht*|chats|texte|inhalte <> verbesser*|train* <> spracherkennung|*erkennung|sprachassistent*",
        gap: 6,
      },
    ],
  },

  necessary: [
    "angemeldet bleiben|eingeloggt bleiben|angemeldet lassen|eingeloggt lassen|login merken|anmeldung merken|anmeldedaten speichern|zugangsdaten speichern|passwort speichern|passwort merken|benutzername merken|an mich erinnern|automatisch anmelden",
    { p: "angemeldet|eingeloggt ~ bleib*", gap: 2 },
    {
      p: "merken|speicher*|erinnern <> sprache|region|währung|schriftgröße|*einstellung*|auswahl|*liste|warenkorb|login|anmeldung|e-mail-adresse|benutzername",
      gap: 4,
    },
    "dunkl* modus|dunkl* design|dark mode|nachtmodus|=design|darstellung|schriftgröße|=sprache|=region|=währung|farbschema|kontrast|=ton|=töne|untertitel|autoplay",
    "sicherheitshinweis*|sicherheitswarnung*|sicherheitsbenachrichtigung*|anmeldebenachrichtigung*|bestellbestätigung*|versandbestätigung*|versandbenachrichtigung*|lieferstatus|bestellstatus|sendungsverfolgung|zahlungserinnerung*|lieferbenachrichtigung*|buchungsbestätigung*|terminerinnerung*|=erinnerungen|kontoaktivität*",
    {
      p: "benachrichtigung*|*benachrichtigung*|e-mail*|mail*|mitteilung*|hinweis*|nachricht*|erinnerung*|newsletter* <> anmeld*|bestellung*|lieferung*|sicherheit*|passwort*|konto|kontos|kommentar*|buchung*|versand*|zahlung*|eigene*|abonnement*|vertrag*",
      gap: 4,
    },
    "technisch notwendig*|unbedingt erforderlich*|unbedingt notwendig*|=notwendig|=notwendige|=erforderlich|=erforderliche|=essenziell|=essentiell|=essenzielle|immer aktiv",
    { p: "notwendig*|erforderlich*|essenziell*|essentiell* <> cookie*|betrieb|funktion*|sicherheit|sitzung*", gap: 4 },
    {
      p: "face id|touch id|fingerabdr*|gesichtserkennung|biometri* <> anmeld*|entsperr*|einlogg*|login|bestätig*|bezahl*|authentifizier*",
      gap: 4,
    },
  ],

  requiredTerms: [
    "agb|allgemein* geschäftsbedingung*|*geschäftsbedingung*|nutzungsbedingung*|teilnahmebedingung*|mietbedingung*|reisebedingung*|buchungsbedingung*|vertragsbedingung*|beförderungsbedingung*|lizenzvereinbarung*|lizenzbedingung*|nutzungsvereinbarung*|stornierungsregel*|stornobedingung*|widerrufsbelehrung|widerrufsrecht|*bedingungen|formblatt|hausordnung|spielregeln|mitgliedsvertrag|*vertrag",
  ],
  policies: [
    "datenschutzerklärung*|datenschutzhinweis*|datenschutzrichtlinie*|datenschutzbestimmung*|datenschutzinformation*|cookie-richtlinie*|cookierichtlinie*|=datenschutz|privacy policy",
  ],
  acknowledgement: /(?:akzeptier\w*|gelesen|zur kenntnis|einverstanden|bestätig\w*|willig\w*\s+\w*\s*ein\b|stimm\w*[^.]{0,40}\bzu\b)/iu,
  clauseBreaks:
    /(?:[,;]\s*|\s)(?:sowie|und(?: auch| zudem| außerdem| ferner)?)\s+(?=(?:dass|ich|mich|mir|bin|willige|stimme|erkläre|erlaube|möchte|akzeptiere|in (?:die|den|das)|zur|zum|(?:die|der|den) (?:weitergabe|nutzung|verarbeitung|übermittlung|verwendung|auswertung|analyse|speicherung|zusendung)|meine (?:daten|angaben|kontaktdaten)\s+(?:dürfen|darf|werden|können))\b)/giu,

  grants: [
    new RegExp(
      String.raw`\b(?:mit|durch|nach)\s+(?:dem\s+|einem\s+|ihrem\s+|deinem\s+)?(?:klick(?:en)?|klicks|tippen|antippen|betätigen|drücken)\s+(?:auf|von)\s+(?<action>[^,.;!?]{1,50}?)\s*,?\s+${GRANT_VERB}`,
      "iu",
    ),
    new RegExp(
      String.raw`\b(?:mit|durch|bei|nach)\s+(?:der|dem|den|ihrer|ihrem|deiner|deinem|einer|einem|das|die)?\s*(?:weitere[nm]?\s+|fortgesetzte[nm]?\s+)?(?<action>(?:installation|anmeldung|registrierung|bestellung|buchung|teilnahme|nutzung|absendung|absenden|download|herunterladen|kauf|zahlung|bezahlung|fortfahren|weiternutzung|weitersurfen|abschluss|aktivierung|eröffnung|abonnement|einrichtung|verwendung|installieren|registrieren|bestellen|buchen)\b[^,.;!?]{0,40}?)\s*,?\s+${GRANT_VERB}`,
      "iu",
    ),
    new RegExp(String.raw`\bindem\s+(?:sie|du)\s+(?<action>[^,.;!?]{1,50}?)\s*,\s*${GRANT_VERB}`, "iu"),
    new RegExp(String.raw`\bwenn\s+(?:sie|du)\s+(?<action>[^,.;!?]{1,50}?)\s*,\s*(?:${GRANT_VERB}|gilt|gelten)`, "iu"),
    /\b(?<action>installation|nutzung|fortfahren|weiternutzung|registrierung|bestellung|anmeldung)\s+(?:bedeutet|gilt als|stellt)\b/iu,
    /\b(?:ihr|dein|der|ein)\s+klick\s+auf\s+(?<action>[^,.;!?]{1,50}?)\s+(?:bedeutet|gilt als)\b/iu,
    // "Mit „Alle akzeptieren“ stimmen Sie ... zu": the button quoted after "mit".
    new RegExp(String.raw`\bmit\s+[„"“»‚']\s*(?<action>[^„"“”»«‚‘'.;!?]{1,50}?)\s*[“”"«‘']\s*,?\s+${GRANT_VERB}`, "iu"),
    // "Stimmen Sie der Nutzung ... zu, indem Sie auf OK klicken."
    new RegExp(String.raw`(?:^|[.!:]\s*)${splitGrant(true)}\s*,\s*indem\s+(?:sie|du)\s+(?<action>[^,.;!?]{1,50}?)\s*(?=[,.;!?]|$)`, "iu"),
    // "Klicken Sie auf „Akzeptieren“, um der Verwendung ... zuzustimmen."
    new RegExp(String.raw`\b${CLICK_IMPERATIVE}(?<action>[^,.;!?]{1,50}?)\s*,?\s+um\s+(?:[^.;!?]{0,160}?\s)?${JOINED_AT_END}`, "iu"),
    // "Um der Verwendung ... zuzustimmen, klicken Sie auf „Akzeptieren“."
    new RegExp(
      String.raw`\bum\s+(?:[^.;!?]{0,160}?\s)?(?<!\bnicht\s{1,3})(?:zuzustimmen|einzuwilligen)\s*,\s*${CLICK_IMPERATIVE}(?<action>[^,.;!?]{1,50}?)\s*(?=[,.;!?]|$)`,
      "iu",
    ),
    // Continuing taken as consent: "Wenn Sie die Website weiter nutzen, gehen wir davon aus, dass Sie ... zustimmen."
    /\b(?:wenn|sofern|falls|solange)\s+(?:sie|du)\s+(?<action>[^,.;!?]{1,50}?)\s*,\s*(?:gehen\s+wir\s+(?:davon\s+aus|von\s+(?:ihrer|ihrem|deiner|deinem)\s+(?:zustimmung|einwilligung|einverständnis)\s+aus)|nehmen\s+wir\s+an|werten\s+wir\s+(?:dies|das)\s+als|betrachten\s+wir\s+(?:dies|das)\s+als)/iu,
    // "Wir gehen davon aus, dass Sie damit einverstanden sind, wenn Sie die Website weiter nutzen."
    new RegExp(
      String.raw`\bwir\s+gehen\s+(?:davon\s+aus|von\s+(?:ihrer|ihrem|deiner|deinem)\s+(?:zustimmung|einwilligung|einverständnis)\s+aus)\s*,?\s*(?:dass\s+(?:sie|du)\s+(?:[^.;!?]{0,160}?\s)?(?:${JOINED_GRANT}|einverstanden\s+(?:sind|bist))\s*,?\s*)?(?:wenn|sofern|falls|solange)\s+(?:sie|du)\s+(?<action>[^,.;!?]{1,50}?)\s*(?=[,.;!?]|$)`,
      "iu",
    ),
  ],
  firstPersonGrants: [
    /(?:^|[\s,;:.!?(])(?:ja,?\s+)?ich\s+(?:willige|stimme|erkläre mich|bin (?:damit )?einverstanden|akzeptiere|erlaube|gestatte|möchte|will|wünsche)\b/iu,
    // "Sie stimmen der Nutzung ... zu", "Sie willigen in ... ein", "Sie nehmen ... an" (like "you agree to").
    new RegExp(String.raw`(?:^|[\s,;:.!(])${splitGrant(false)}`, "iu"),
    // "Hiermit stimmen Sie ... zu", "Damit willigen Sie ... ein".
    new RegExp(String.raw`\b(?:hiermit|damit|dadurch|somit)\s+${splitGrant(true)}`, "iu"),
  ],
  backReferences: [
    {
      p: "diese*|solche*|obige*|genannt*|beschrieben*|aufgeführt*|vorstehend*|vorgenannt*|erwähnt*|erläutert*|dargestellt* ~ cookie*|technologie*|zweck*|verarbeitung|*verarbeitung|nutzung|*nutzung|verwendung|*verwendung|einsatz|*einsatz|dienste|*dienste|tools|partner*|anbieter*|daten|*daten|tracking",
      gap: 1,
    },
    "=dem zu|=diesem zu|=allem zu|=dies zu|=dem ein|=darin ein|=dies an|=dem an",
    "cookie*",
  ],
  negation:
    /\b(?:nicht\b(?!\s+(?:unbedingt\s+|zwingend\s+|technisch\s+)?(?:notwendig|erforderlich|essen[sz]iell|zwingend))|nie\b|niemals\b|kein\w*)/u,
  actionLead: /^(?:sich\s+)?(?:auf\s+(?:die\s+|den\s+|das\s+)?(?:schaltfläche\s+|button\s+)?)?/iu,
  actionTail: /\s+(?:klicken|klickst|tippen|tippst|drücken|drückst|auswählen|wählen|betätigen)$/iu,

  polarity: {
    refuse:
      /^(?:nein\b|ne\b|nicht\b|kein\w*\b|ablehnen\b|alle ablehnen\b|verweigern\b|aus$|deaktivier\w*|später\b|jetzt nicht\b|überspringen\b|nur notwendige\b|nur erforderliche\b|nur essenzielle\b|danke,? nein\b|lieber nicht\b|ich (?:möchte|will) (?:das )?nicht\b|ich stimme nicht zu\b)/iu,
    grant:
      /^(?:ja\b|jawohl\b|gerne?\b|zustimmen\b|ich stimme zu\b|einverstanden\b|akzeptieren\b|annehmen\b|erlauben\b|zulassen\b|an$|ein$|aktivier\w*|ich willige ein\b|einwilligen\b|teilen\b|weitergeben\b|ok\b|okay\b|alle akzeptieren\b|alle zulassen\b|allen zustimmen\b|ich möchte\b|immer\b)/iu,
  },

  choiceActions: {
    accept:
      /^(?:(?:alle(?:s)? )?(?:akzeptieren|annehmen|zulassen|erlauben)(?: und (?:schlie(?:ß|ss)en|fortfahren|weiter))?|alle(?: cookies)? (?:akzeptieren|annehmen|zulassen|erlauben)|(?:ich )?stimme (?:zu|allem zu)|zustimmen(?: und (?:schlie(?:ß|ss)en|fortfahren|weiter))?|allem zustimmen|allen zustimmen|das ist (?:ok|okay|in ordnung)|erlaube alle cookies|(?:alle )?(?:akzeptieren|zustimmen|annehmen|zulassen|erlauben) und [\p{L} ]{1,30}|mit werbung (?:weiter)?(?:lesen|nutzen|surfen|spielen|schauen|ansehen)|weiter mit werbung|werbung akzeptieren|einverstanden|ja,? (?:ich stimme zu|einverstanden|gerne|alle akzeptieren)|ja,? ich (?:will|möchte)[\p{L} ]{0,25}|ich bin einverstanden|ich willige ein|einwilligen)$/iu,
    refuse:
      /^(?:(?:schlie(?:ß|ss)en und )?(?:alle(?:s)? )?(?:ablehnen|verweigern)(?: und schlie(?:ß|ss)en)?|alle(?: cookies)? ablehnen|nicht (?:zustimmen|einverstanden|akzeptieren)|ich stimme nicht zu|(?:nur |lediglich )?(?:notwendige|erforderliche|essenzielle|essentielle|technisch notwendige)(?: cookies)?(?: (?:akzeptieren|zulassen|erlauben|verwenden))?(?: nur)?|weiter ohne (?:einwilligung|zustimmung|zu akzeptieren)|ohne (?:einwilligung|zustimmung) (?:fortfahren|weiter)|nein,? danke|nein|ich lehne ab|verbiete alle cookies|nicht jetzt|jetzt nicht|(?:vielleicht )?später|nicht erlauben)$/iu,
    settings:
      /^(?:(?:cookie-?|datenschutz-?)?(?:einstellungen|präferenzen|optionen)(?: (?:anpassen|verwalten|ändern))?|(?:anpassen|verwalten|individuell (?:einstellen|anpassen)|auswahl (?:anpassen|treffen)|mehr optionen|personalisieren|details(?: anzeigen)?|mehr (?:erfahren|informationen)|weitere informationen|zwecke anzeigen|partner anzeigen)|(?:cookies|einstellungen|auswahl) (?:anpassen|verwalten))$/iu,
    acknowledge:
      /^(?:ok|okay|verstanden|alles klar|habe verstanden|ich habe verstanden|schlie(?:ß|ss)en|weiter|fortfahren|hinweis schlie(?:ß|ss)en|zur kenntnis genommen|in ordnung)$/iu,
  },
  shamingRefusal:
    /(?:ich verzichte (?:gerne |lieber )?auf|ich zahle lieber|lieber (?:den )?vollen? preis|mir (?:ist|sind) (?:meine? )?(?:sicherheit|privatsphäre|gesundheit|ersparnisse?|rabatte?|angebote?) (?:egal|gleichgültig)|ich (?:will|möchte) (?:nicht sparen|keine? (?:vorteile|rabatte|angebote|ersparnis)|(?:lieber )?mehr (?:bezahlen|zahlen))|(?:vorteile|rabatte|angebote|sparen) (?:verpassen|entgehen lassen)|ich brauche keine (?:hilfe|vorteile|rabatte)|ich bleibe lieber (?:uninformiert|ungeschützt))|(?:ist|sind) mir (?:doch |völlig |total )?(?:egal|gleichgültig|wurscht)/iu,
  conduct:
    /(?:weiter(?:e|en)? (?:nutz|besuch|surf|les|verwend)|weitersurf|weiterles|weiter(?:hin)? auf (?:der|dieser|unserer) (?:seite|website)|fortfahr|fortsetz|nutzung (?:der|dieser|unserer) (?:seite|website|app|dienste)|(?:seite|website|webseite|app) (?:weiter(?:hin)? )?(?:be)?nutz|scroll|schließ|schliess|navigier|besuch)/iu,
  paidAlternative: /(?:abo\b|abonn|pur-?abo|werbefrei|ohne werbung|bezahl|kostenpflichtig|monatlich|pro monat|im monat|€\s?\d|\d\s?€)/iu,
  refusalDenies:
    /(?:wenn sie (?:ablehnen|nicht zustimmen|nicht einwilligen)|ohne (?:ihre )?(?:zustimmung|einwilligung)|bei ablehnung)[^.]{0,80}?(?:nicht (?:nutzen|lesen|ansehen|abspielen|verfügbar|möglich|zugreifen)|kein(?:en)? zugriff|nicht mehr)/iu,

  optOut:
    /(?:(?:ankreuzen|anhaken|markieren|auswählen|aktivieren),? (?:wenn|falls|sofern) sie [^.;]{0,120}?nicht (?:möchten|wünschen|wollen|einverstanden sind|zustimmen)|\bich widerspreche\b|^ich (?:möchte|will|wünsche) (?:nicht|keine)|^(?:bitte )?(?:keine|nicht) (?:weitergabe|weitergeben|teilen|verkaufen|werbung)|^(?:von|aus) [^.;]{0,60}? (?:ausschließen|austragen))/iu,
  negations:
    /\b(?:nicht|kein|keine|keinen|keinem|keiner|nie|niemals|widerspreche|widersprechen|abwählen|deaktivieren|ausschließen|austragen)\b/giu,
  denials: /\b(?:kein\w*|ohne|weder|noch|nicht)\b/iu,

  primaryPurposes: {
    "view-report": [
      "jahresrückblick*|jahresbericht*|jahresübersicht*|kontoauszug*|rückblick*|*bericht|jahresabrechnung*|monatsübersicht*|*auswertung|*übersicht",
      { p: "bericht*|rückblick*|kontoauszug*|abrechnung* ~ ansehen|anzeigen|herunterladen", gap: 3 },
    ],
    lottery: ["gewinnspiel*|*gewinnspiel*|verlosung*|gewinnen|teilnehmen|mitmachen|glücksrad|auslosung|preisausschreiben"],
    signup: [
      "registrier*|konto erstellen|konto anlegen|kostenlos testen|probeabo|mitglied werden|jetzt starten",
      { p: "*konto|account ~ erstell*|anleg*|eröffn*", gap: 3 },
    ],
    login: ["anmelden|einloggen|login|=anmeldung|willkommen zurück|passwort vergessen"],
    newsletter: ["newsletter*|*newsletter|abonnieren|abonnier*"],
    checkout: [
      "kasse|bezahl*|zahlung*|zahlungspflichtig*|=bestellen|kaufen|jetzt kaufen|zur kasse|checkout|warenkorb|bestellübersicht",
      { p: "bestellung ~ abschließen|prüfen|absenden", gap: 2 },
    ],
    install: ["installier*|=installation|herunterladen|=download|app holen"],
    booking: ["buchen|buchung*|*buchen|reservier*|termin vereinbaren|termin anfragen|=termin|verfügbarkeit prüfen"],
    game: ["spiel starten|jetzt spielen|=spielen|=spiel|=spiele|bestenliste|=level"],
    consent: [
      "cookie*|datenschutz*|privatsphäre*|einwilligung*|zustimmung*|datenschutzeinstellungen|privatsphäre-einstellungen|ihre privatsphäre",
      { p: "datenschutz*|privatsphäre*|cookie* ~ einstellung*|auswahl|präferenzen", gap: 2 },
      "alle akzeptieren|alle ablehnen|auswahl speichern|auswahl bestätigen|nur notwendige|nur erforderliche|allen zustimmen|alle zulassen|alle auswählen",
    ],
    settings: ["einstellungen|*einstellungen|kontoeinstellungen|=profil|benachrichtigung*|änderungen speichern|mein konto|präferenzen"],
    content: ["weiterlesen|=artikel|=nachrichten|schlagzeilen|=magazin|=rezept|=rezepte|=ratgeber|=blog"],
  },

  stopWords: `der die das den dem des ein eine einen einem einer eines und oder aber ist sind war sein ich du er sie es wir ihr
    mich mir dich dir uns euch ihn ihm ihnen ihre ihren ihrem ihrer mein meine meinen meinem meiner dein deine deinen unser
    unsere unseren unserem unserer zu zum zur von vom mit für auf an in im am bei nach aus über unter um durch dass damit wenn
    als wie so auch nur noch schon sehr hier da dort diese dieser dieses sich werden wird wurde können kann könnte möchten
    möchte sollen soll dürfen darf bitte`,
  synonyms: {
    partner: ["*partner*|dritt*|sponsor*"],
    share: ["weitergeb*|weitergab*|weitergegeb*|übermitt*|teilen|geteilt|bereitstell*|offenleg*|weiterleit*"],
    ad: ["werbung|werbe*|anzeige|anzeigen|reklame"],
    offer: ["angebot*|=aktionen|rabatt*"],
    personalised: ["personalisiert*|zugeschnitten*|interessenbasiert*|individualisiert*"],
    email: ["e-mail*|=mail|=mails"],
    data: ["daten|*daten|informationen|angaben"],
    consent: ["einwillig*|zustimm*|einverstanden|akzeptier*|willige|stimme"],
    location: ["standort*|gps|ortung*"],
    credit: ["bonität*|kreditwürdig*|schufa*"],
  },
};
