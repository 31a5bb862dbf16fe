/**
 * Evidence for telling Latin-script languages apart: frequent function words
 * and the words of consent interfaces (buttons, categories), and letters with
 * diacritics. A word or letter shared by several languages counts for each of
 * them in proportion. Languages listed here are recognised; whether they are
 * read is decided by the lexicons (see lexicon/registry.ts).
 */

export interface DetectionProfile {
  /** Lower-case words. */
  words: string;
  /** Letters characteristic of the language. */
  letters: string;
}

export const LATIN_PROFILES: Readonly<Record<string, DetectionProfile>> = {
  en: {
    words: `a an no the and of to you your yours we our ours my me mine i is are was be been with for this that these those by on in
      it its can will may from or not at as have has us they their them about how what which who whom please yes all any
      more other only when if would like let use used using also so than then there here such into out up do does don't
      share sharing allow accept agree agreed keep sign signed send receive offers privacy settings choices remember
      want get see learn read terms manage save reject continue join create account email partners ads personalised
      personalized advertising analytics necessary cookie policy notice view annual statement install book play pay
      now new free order checkout subscribe enter win draw stay logged agreement service credit score`,
    letters: "",
  },
  de: {
    words: `der die das den dem des und ist sind ich sie wir ihr ihre ihren ihrem ihrer ihnen mich mir mein meine meinen
      meinem meiner unser unsere unseren unserem unserer mit für von zu zum zur auf nicht ein eine einen einem einer
      auch oder dass daß bei nach aus über wie werden wird wurde können kann möchten möchte bitte nein alle nur sich
      im um damit wenn diese dieser dieses hier mehr ohne immer jederzeit einverstanden zustimmen zustimmung akzeptieren
      ablehnen speichern einstellungen datenschutz weiter zurück danke du dich dir dein deine deinen werbung angebote
      einwilligung einwilligen willige stimme notwendig notwendige erforderlich erforderliche anzeigen weitergeben
      bleiben angemeldet verwenden erhalten daten auswählen auswahl ansehen jetzt kostenlos konto erstellen passwort
      an anmelden registrieren bestellen bezahlen kasse personalisierte ja gerne zulassen erlauben
      verwalten schließen sowie unsere habe gelesen bestätige pro per tag tage diesem gerät erneut fragen zusätzlich`,
    letters: "äöüß",
  },
  fr: {
    words: `le la les de des du un une et est sont je j vous nous votre vos notre nos mon ma mes avec pour par sur dans pas
      ne que qui ce cette ces en au aux l d qu n s c oui non merci accepter accepte refuser tout tous toutes paramètres
      continuer compte créer connexion inscrire envoyer données partenaires publicité personnalisée mesure audience
      nécessaires enregistrer fermer être plus ou mais si il elle ils se sa son ses leur leurs utilisons site offres
      recevoir conditions générales utilisation lu confidentialité politique`,
    letters: "éèêëàâçœùûîïô",
  },
  es: {
    words: `a el la los las de del y es son un una unos unas yo usted ustedes nosotros su sus nuestro nuestra nuestros
      nuestras mi mis con para por en no que se lo al sí si gracias acepto aceptar rechazar todo todas todos
      configuración continuar cuenta crear contraseña enviar datos socios publicidad personalizada necesarias guardar
      cerrar más o pero como este esta estos esa tu tus te le les utilizamos ofertas recibir términos condiciones
      privacidad política he leído`,
    letters: "ñáéíóú¿¡",
  },
  it: {
    words: `il lo la i gli le di del della dei delle e è un una uno io noi voi tu suo sua nostro nostra nostri mio mia
      miei con per su in non che si sì no grazie accetto accetta accettare rifiuta rifiutare tutti tutto impostazioni
      continua crea invia dati pubblicità personalizzata necessari salva chiudi più o ma come questo questa anche
      sono al alla ai dal dalla nel nella utilizziamo offerte ricevere termini condizioni informativa`,
    letters: "àèéìòù",
  },
  nl: {
    words: `de het een en van ik je jij u uw wij we ons onze mijn met voor op aan niet dat die is zijn wordt worden naar
      bij ook of om te er deze dit ja nee alle alleen gegevens akkoord accepteren weigeren instellingen doorgaan
      aanmaken wachtwoord verzenden advertenties gepersonaliseerde noodzakelijk opslaan sluiten gebruiken
      aanbiedingen ontvangen voorwaarden privacybeleid`,
    letters: "ĳ",
  },
  pt: {
    words: `o a os as de do da dos das e é um uma eu você vocês nós seu sua seus suas nosso nossa meu minha com para por
      em no na nos nas não que se ao sim obrigado aceito aceitar recusar todos dados mais ou mas como este esta
      configurações continuar conta criar senha enviar parceiros publicidade personalizada necessários salvar
      fechar utilizamos ofertas receber termos condições privacidade política`,
    letters: "ãõçáéíóúâêô",
  },
  sv: {
    words: `och att det som en ett är jag du vi ni din ditt dina vår våra min mitt med för på av till inte om ja nej
      alla godkänn acceptera avvisa inställningar uppgifter`,
    letters: "åäö",
  },
  da: {
    words: `og at det som en et er jeg du vi din dit med for på af til ikke om ja nej alle accepter afvis indstillinger
      oplysninger`,
    letters: "åæø",
  },
  no: {
    words: `og at det som en et er jeg du vi din ditt med for på av til ikke om ja nei alle godta avvis innstillinger
      opplysninger`,
    letters: "åæø",
  },
  pl: {
    words: `i w z na się nie do że to jest są ja my wy mój moje twoje dla przez od o tak wszystkie zgadzam akceptuję
      dane odrzuć ustawienia`,
    letters: "ąćęłńśźż",
  },
  cs: {
    words: `a v na se je jsou že to s z do pro od já my vy můj moje ano ne souhlasím přijmout všechny údaje odmítnout
      nastavení`,
    letters: "ěščřžýůň",
  },
  tr: {
    words: `ve bir bu da de için ile ben biz siz benim sizin evet hayır kabul tüm veri ediyorum değil reddet ayarlar`,
    letters: "ğışİ",
  },
  ro: {
    words: `și de la în cu pe pentru nu da eu noi voi sunt este care un o datele accept toate refuz setări`,
    letters: "ășțâî",
  },
  hu: {
    words: `a az és egy hogy nem is meg van én mi ti igen elfogad összes adatok elutasít beállítások`,
    letters: "őűáéíóöú",
  },
  fi: {
    words: `ja on ei se että minä me te kyllä hyväksy kaikki tiedot hylkää asetukset`,
    letters: "äö",
  },
  id: {
    words: `dan yang di ke dari ini itu untuk dengan tidak saya kami anda ya setuju semua data tolak pengaturan`,
    letters: "",
  },
  vi: {
    words: `và của là có không tôi chúng bạn với cho này được đồng ý tất cả dữ liệu từ chối cài đặt`,
    letters: "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
  },
};
