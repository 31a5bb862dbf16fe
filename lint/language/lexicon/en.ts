/** English consent wording. Pattern notation: see pattern.ts. */
import type { Lexicon } from "./types.js";
import { porterEn, tokenizerEn } from "../natural-modules.js";

const RECIPIENTS =
  "partner*|affiliate*|third party|third parties|third-party|sponsor*|advertiser*|other compan*|insurer*|lender*|data broker*|broker*|merchant*|vendor*|retailer*|research partner*";

const DATA_NOUNS =
  "data|information|info|details|history|records|profile|email|e-mail|address|number|name|contacts|usage|activity|check-ins|purchases|transactions|statement*|identifier*";

const GRANT_VERB = String.raw`(?:agree|consent|accept|authori[sz]e|allow|permit|confirm|acknowledge|give|grant|opt[ -]?in|are agreeing|are consenting|are giving|are allowing|are accepting|are authori[sz]ing|are permitting)`;

export const en: Lexicon = {
  language: "en",
  tools: { unit: "word", tokenizer: tokenizerEn, stemmer: porterEn, contractions: "en" },
  gap: 8,

  purposes: {
    "third-party-sharing": [
      `share|sell|disclose|provide|transfer|pass|give|send|rent|trade|transmit|forward|release|hand over|make available|disclosure ~ ${RECIPIENTS}`,
      `share|sharing ~ ${DATA_NOUNS} ~ with`,
      `sell|disclose|transfer|pass|rent|trade|transmit|forward|hand over ~ ${DATA_NOUNS} ~ with|to`,
      { p: "sell|sale|selling ~ data|information|details|info", gap: 4 },
      {
        p: "partner*|affiliate*|third part*|third-party|sponsor*|advertiser*|data broker* ~ receive|access|obtain|get|use|collect|process",
        gap: 4,
      },
    ],
    "credit-scoring": [
      "credit score*|credit scoring|credit check*|credit rating*|credit report*|credit reference*|credit bureau*|credit assessment*|credit evaluation*|credit history|credit profile*|credit file*|credit risk|credit decision*|credit limit*|creditworth*|credit-worth*|credit agenc*",
      { p: "evaluat*|assess*|check|determin*|calculat*|review|score|rate|estimat* ~ my|your|their ~ credit|creditworth*", gap: 2 },
      "zhima|sesame credit|schufa|experian|equifax|transunion|fico|crif|creditreform",
      { p: "credit ~ agreement*|terms|contract*|conditions|authori*", gap: 3, not: "card*" },
    ],
    profiling: [
      "=profiling|profile building|behavioural analysis|behavioral analysis",
      { p: "build|create|compile|develop|maintain|generate|infer ~ profile*", gap: 4 },
      "interest profile*|interest-based profile*|advertising profile*|browsing profile*|behavioural profile*|behavioral profile*|marketing profile*|consumer profile*|personality profile*",
      { p: "personalised|personalized|tailored|customised|customized ~ recommendation*|suggestion*|content|feed|homepage", gap: 2 },
      { p: "analy*|track ~ my|your ~ behavio*|habit*|interest*|preference*|personality", gap: 2 },
      { p: "infer|predict ~ interest*|preference*|characteristic*|personality", gap: 3 },
      {
        p: "personali*|tailor*|customi* ~ experience|content|feed|homepage|suggestion* ~ using|based on|from ~ browsing|purchase*|viewing|reading|listening|search*|activit*|behavio*|history",
        gap: 4,
      },
      {
        p: "browsing|purchase|viewing|order|search|listening|reading|watch ~ history|data|activity|habits ~ recommend*|personali*|tailor*|suggest*",
        gap: 4,
      },
      {
        p: "recommend*|suggest* ~ based on|using|from ~ browsing|purchase*|viewing|order*|search*|listening|reading|watch* ~ history|data|activity|habits",
        gap: 4,
      },
    ],
    marketing: [
      "marketing|direct marketing|telemarketing",
      "offers|=offer|special offer*|promotion*|promotional|=deals|newsletter*",
      { p: "send|receive|get|email*|e-mail*|text*|sms|notif*|alert* <> discount*|coupon*|voucher*|=deal|sale|sales", gap: 4 },
      {
        p: "advertising|commercial|promotional|marketing ~ email*|e-mail*|mail*|message*|sms|text*|call*|communication*|newsletter*|material*",
        gap: 1,
      },
      {
        p: "email*|e-mail*|message*|sms|text*|call*|contact*|newsletter* ~ about|on|with ~ product*|service*|event*|news|sales|launch*",
        gap: 3,
      },
      "product news|product update*|news and offers|tips and offers",
      "fundraising|fundraising appeal*|=appeals|=campaigns",
      { p: "keep|stay ~ me|you ~ informed|updated|in touch|posted", gap: 1 },
      { p: "news ~ from ~ partner*|brand*|sponsor*", gap: 2 },
      {
        p: "hear ~ about|from ~ product*|service*|offer*|promotion*|partner*|third part*|brand*|sponsor*|other compan*|selected compan*",
        gap: 4,
      },
      {
        p: "partner*|sponsor*|third part*|affiliate*|advertiser*|selected compan* ~ contact|call|phone|email|e-mail|text|message ~ me|you",
        gap: 3,
        not: "delivery|courier|driver|technician|installer|engineer|carrier",
      },
    ],
    "personalised-ads": [
      {
        p: "personali*|tailor*|target*|interest-based|interest based|relevant|customi*|behavio*|retarget*|individuali* ~ ad|ads|advert*|advertising|advertisement*",
        gap: 2,
      },
      { p: "ad|ads|advert*|advertising|advertisement* ~ tailor*|based on|personali*|relevant to|target*|matched to|suited to", gap: 3 },
      "ad personali*|ads personali*|ad targeting|retargeting|remarketing|interest-based advertising|cross-site advertising|cross-context behavioral advertising",
    ],
    "analytics-cookies": [
      "analytics|analytic|statistics|statistical|audience measurement|usage statistics|telemetry|diagnostic*|crash report*|session recording*",
      {
        p: "analytics|statistics|performance|marketing|advertising|targeting|tracking|non-essential|nonessential|optional|third-party|third party|social media|measurement ~ cookie*",
        gap: 4,
      },
      { p: "cookie* ~ analy*|statistic*|measur*|advertis*|marketing|tracking|track", gap: 4 },
      // Embedded third-party services (videos, maps, pixels) set their own cookies; not the providers a service hires.
      { p: "third-party|third party|external ~ service*|service provider*|content|embed*|plugin*|widget*", gap: 0, not: "provider*" },
      { p: "measure|count|track ~ visit*|traffic|audience|page view*|usage|how", gap: 3 },
      { p: "usage|diagnostic|performance ~ data|information|statistics ~ improve|analy*|measure", gap: 4 },
      { p: "help improve ~ by sending|by sharing", gap: 3 },
      { p: "tracking ~ pixel*|technolog*|tool*", gap: 1 },
      "cross-site tracking|cross-app tracking|activity tracking",
      { p: "track*|tracking ~ across ~ app*|site*|website*|device*|service*", gap: 3 },
    ],
    location: [
      "geolocation|geo-location|gps|whereabouts|location data|location history|location information|location services|location tracking|location-based",
      {
        p: "precise|exact|accurate|current|approximate|device|gps|real-time|realtime|background|live|my|your|physical ~ location|position",
        gap: 1,
      },
      { p: "track|access|use|collect|share|detect|determine|read ~ location", gap: 3 },
      "where i am|where you are",
    ],
    contacts: [
      "=contacts|contact list*|contacts list|contact book|address book*|phonebook*|phone book*|friends list*|friend list*|buddy list*|social graph",
    ],
    biometrics: [
      "biometric*|fingerprint*|face id|touch id|facial recognition|face recognition|facial scan*|face scan*|face data|facial data|faceprint*|face geometry|facial geometry|voiceprint*|voice print*|voice recognition|voice id|iris scan*|retina scan*|palm print*|palmprint*|facial feature*|face template*",
    ],
    "model-training": [
      {
        p: "train*|fine-tun*|finetun*|improve|develop|build ~ ai|a.i|artificial intelligence|model*|machine learning|algorithm*|llm*|neural network*",
        gap: 4,
      },
      "ai training|model training|machine learning|training data",
      {
        p: "recording*|voice|audio|photo*|image*|video*|message*|conversation*|chat*|document*|writing* ~ improve|train|develop ~ speech recognition|transcription|speech model*|voice assistant*",
        gap: 6,
      },
    ],
  },

  necessary: [
    {
      p: "remember ~ me|email|username|user name|login|password|sign-in|device|account|details|choice*|preference*|setting*|language|region|currency|text size|font size|basket|cart|bag|consent|selection*",
      gap: 4,
    },
    { p: "keep|stay ~ signed|logged ~ in|on", gap: 1 },
    "trust this device|don't ask again|save my login|save login|sign me in automatically|automatic sign-in|auto login|auto-login|passkey*",
    "dark mode|dark theme|light mode|light theme|night mode|=theme|colour scheme|color scheme|high contrast|text size|font size|display size|=language|display language|interface language|app language|=region|=currency|reduced motion|=sound|sound effects|=sounds|=captions|=subtitles|=autoplay",
    "security alert*|login alert*|sign-in alert*|new sign-in*|password change*|order status|order update*|order confirmation*|shipping update*|shipping notification*|dispatch notification*|delivery update*|delivery reminder*|delivery notification*|delivery-day update*|booking confirmation*|reservation confirmation*|=receipt|=receipts|payment reminder*|bill reminder*|account activity|account alert*|account notification*|transaction alert*|two-factor|service announcement*|service message*|appointment reminder*|=reminders|=reminder",
    {
      p: "email*|e-mail*|mail*|notif*|alert*|message*|text*|sms|remind*|update*|newsletter*|=news ~ about|on|for|regarding|of|when ~ my|your|the|each ~ account*|order*|deliver*|booking*|reservation*|subscription*|payment*|photo*|post*|activit*|sign-in*|login*|password*|security|trip*|ticket*|parcel*|shipment*|box*|plan",
      gap: 2,
    },
    "strictly necessary|strictly-necessary|=essential|=necessary|always active|always on",
    { p: "essential|necessary|required|needed ~ cookie*", gap: 1 },
    { p: "needed|required|necessary|essential ~ for ~ site|website|service|shop|app|page*|store ~ work|function|run", gap: 2 },
    { p: "keep ~ basket|cart|sign-in|checkout|login|site|website ~ working|running|secure", gap: 5 },
    {
      p: "face id|touch id|fingerprint*|face recognition|facial recognition|biometric*|face unlock ~ log|login|sign|unlock|authenticat*|verif*|approv*|confirm|pay*",
      gap: 4,
    },
    { p: "log|login|sign|unlock|pay* ~ with|using|via|by ~ face id|touch id|fingerprint*|face|facial recognition|biometric*", gap: 2 },
  ],

  requiredTerms: [
    "terms of service|terms of use|terms and conditions|terms conditions|terms of sale|conditions of sale|conditions of use|conditions of carriage|general terms|user agreement|service agreement|license agreement|licence agreement|end user license agreement|eula|subscription agreement|membership agreement|rental agreement|rental terms|booking terms|booking conditions|cancellation policy|cancellation terms|refund policy|payment terms|purchase terms|official rules|contest rules|sweepstakes rules|competition rules|club rules|community rules|community guidelines|house rules|hotel policies|fare rules|acceptable use policy|=terms",
  ],
  policies: [
    "privacy policy|privacy notice|privacy statement|privacy information|privacy center|privacy centre|cookie policy|cookie notice|cookie statement|cookies policy|data protection policy|data protection notice|data policy",
  ],
  acknowledgement:
    /\b(?:i (?:have )?(?:read|accept|agree|acknowledge|understand|consent)|(?:have|has) read|agree[sd]?|accept(?:s|ed)?|acknowledg\w*|consent(?:s|ed)?)\b/iu,
  clauseBreaks:
    /(?:[,;]\s*|\s)(?:and(?: also)?|as well as|plus)\s+(?!let them|allow them|permit them)(?:to\s+|that\s+|i\s+|we\s+|you\s+)?(?=(?:let|allow|permit|agree|consent|accept|authori[sz]e|share|sell|send|(?:e-?mail|text|call|contact|message) (?:me|us|you)|receive|get|use|pass|give|provide|disclose|transfer|show|display|track|analy[sz]e|process|store|access|upload|sync|combine|personali[sz]e|target|serve|subscribe|add|enrol|enroll|the (?:use|sharing|processing|transfer|disclosure|sale)|my (?:data|details|information|personal)\w*\s+(?:may|can|will|being|to be))\b)/giu,

  grants: [
    new RegExp(
      String.raw`\bby\s+(?<action>(?:clicking|tapping|pressing|selecting|choosing|hitting|touching|ticking|checking|continuing|proceeding|signing|logging|registering|installing|downloading|paying|placing|submitting|creating|starting|entering|subscribing|booking|reserving|joining|purchasing|buying|completing|accessing|using|visiting|browsing|playing|confirming|ordering|opening|uploading|sending|saving|activating|enabling|applying|requesting|claiming|redeeming|connecting|linking|scanning)\b[^.;!?]{0,60}?)\s*,?\s+(?:you|i|the user|users)\s+(?:hereby\s+|also\s+|expressly\s+|explicitly\s+|further\s+)?${GRANT_VERB}\b`,
      "iu",
    ),
    new RegExp(
      String.raw`\b(?<action>(?:clicking|tapping|pressing|selecting|installing|downloading|continuing|proceeding|signing up|registering|paying|using|ordering|purchasing|subscribing|submitting|logging in|signing in|entering)\b[^.;!?]{0,40}?)\s+(?:means|signifies|constitutes|indicates|confirms|shows|implies|will be taken as|is taken as|counts as)\s+(?:that\s+)?(?:you(?:r)?\b|acceptance|agreement|consent)`,
      "iu",
    ),
    new RegExp(
      String.raw`\b(?:if|when|once)\s+you\s+(?<action>[^,.;!?]{1,50}?),\s*(?:you|we(?:'ll| will) assume (?:that )?you)\s+(?:${GRANT_VERB}|are happy)\b`,
      "iu",
    ),
  ],
  firstPersonGrants: [
    /(?:^|[\s,;:.!?(])(?:yes,?\s+)?i\s+(?:hereby\s+|also\s+|expressly\s+|explicitly\s+)?(?:agree|consent|accept|authori[sz]e|allow|permit|opt in|want to receive|would like to receive|'d like to receive|would like you to)\b/iu,
    /\byou\s+(?:hereby\s+|also\s+)?(?:agree|consent|authori[sz]e|accept)\s+(?:that|to)\b/iu,
  ],
  backReferences: [
    {
      p: "these|those|such|above|aforementioned|aforesaid ~ cookie*|technolog*|purpose*|use|uses|processing|tracking|tracker*|tool*|partner*|vendor*|service*|activit*|practice*|data",
      gap: 1,
    },
    { p: "describ*|mention*|list*|outlin*|explain*|set out ~ above", gap: 0 },
    "the above|agree to this|agree to it|agree to them|consent to this|consent to it|consent to them|accept this|accept it|accept them|allow this|allow it|allow them|agree with this",
    "cookie*",
  ],
  negation: /\b(?:not\b(?!\s+(?:strictly\s+)?(?:necessary|essential|required))|never\b|no\b|none\b|neither\b|nor\b)|n't\b/u,
  actionLead: /^(?:clicking|tapping|pressing|selecting|choosing|hitting|touching|ticking|checking)(?:\s+on)?(?:\s+the)?\s+/iu,
  actionTail: /\s+(?:button|link|below|above|here)$/iu,
  actionVerbs: {
    continuing: "continue",
    proceeding: "proceed",
    signing: "sign",
    logging: "log",
    registering: "register",
    installing: "install",
    downloading: "download",
    paying: "pay",
    placing: "place",
    submitting: "submit",
    creating: "create",
    starting: "start",
    entering: "enter",
    subscribing: "subscribe",
    booking: "book",
    reserving: "reserve",
    joining: "join",
    purchasing: "purchase",
    buying: "buy",
    completing: "complete",
    accessing: "access",
    using: "use",
    visiting: "visit",
    browsing: "browse",
    playing: "play",
    confirming: "confirm",
    ordering: "order",
    opening: "open",
    uploading: "upload",
    sending: "send",
    saving: "save",
    activating: "activate",
    enabling: "enable",
    applying: "apply",
    requesting: "request",
    claiming: "claim",
    redeeming: "redeem",
    connecting: "connect",
    linking: "link",
    scanning: "scan",
  },

  polarity: {
    refuse:
      /^(?:no\b|nope\b|nah\b|not now\b|not yet\b|don'?t\b|do not\b|never\b|deny\b|decline\b|reject\b|refuse\b|disallow\b|block\b|opt[ -]?out\b|off$|disable\b|disabled\b|maybe later\b|later\b|skip\b|necessary only\b|only necessary\b|essential only\b|only essential\b|none$|i (?:do not|don'?t) (?:agree|consent|accept|want|allow)\b)/iu,
    grant:
      /^(?:yes\b|yeah\b|yep\b|sure\b|ok\b|okay\b|allow\b|accept\b|agree\b|i agree\b|i accept\b|i consent\b|i allow\b|i want\b|i'?d like\b|opt[ -]?in\b|on$|enable\b|enabled\b|share\b|subscribe\b|sign me up\b|turn on\b|always\b|consent\b|grant\b|permit\b|send me\b|please\b)/iu,
  },

  choiceActions: {
    accept:
      /^(?:(?:yes,? )?(?:i )?(?:accept|agree|allow|consent)(?: (?:all|everything|all cookies|cookies|and (?:continue|close|proceed)|& (?:continue|close)))?|accept all and close|allow all cookies|that'?s (?:ok|okay|fine)|(?:accept|agree|allow)(?: all)?(?: cookies)? (?:and|&) [\p{L}' ]{1,30}|(?:continue|read|keep reading|watch) with ads|accept ads|agree to all|yes,? (?:please|i'?m in)|yes,? (?:i want|give me|send me|sign me up|count me in)[\p{L}' ]{0,25}|ok,? (?:accept|agree)(?: all)?|sounds good,? accept)$/iu,
    refuse:
      /^(?:(?:(?:close|dismiss) and )?(?:reject|decline|refuse|deny|disallow)(?: all| all cookies| cookies| optional(?: cookies)?| and close)?|(?:i )?do not (?:accept|agree|consent)|(?:i )?don'?t (?:accept|agree|consent)|(?:use |accept |allow )?(?:only |strictly )?(?:necessary|essential|required)(?: cookies)?(?: only)?|continue without (?:accepting|agreeing|consent(?:ing)?)|no,? thanks|no thank you|no|i decline|i refuse|i reject|not now|not yet|(?:maybe |ask me )?later|no,? not now|don'?t allow)$/iu,
    settings:
      /^(?:(?:cookie |privacy )?(?:settings|preferences|options)|(?:manage|customi[sz]e|change|set|adjust|edit)(?: (?:my )?(?:cookies|cookie settings|settings|preferences|options|choices))?|more options|let me choose|personali[sz]e|show (?:details|purposes|vendors|partners)|(?:learn|read|find out) more|more info(?:rmation)?|details)$/iu,
    acknowledge: /^(?:ok|okay|got it|i understand|understood|fine|close|dismiss|continue|i see|noted|alright|ok,? got it)$/iu,
  },
  shamingRefusal:
    /\b(?:i(?: prefer| would rather|'d rather| like| love| enjoy) (?:to )?(?:pay(?:ing)?|miss(?:ing)?|los(?:e|ing)|waste|be(?:ing)? (?:bored|left out|uninformed))|i (?:do not|don'?t) (?:care|want to (?:save|win|know|be (?:safe|protected))|like (?:saving|discounts|deals|free))|i(?: hate| am not interested in|'m not interested in) (?:saving|discounts|deals|free|offers|money|my (?:security|privacy|health))|full price|i'?ll (?:stay|remain) (?:uninformed|unprotected|behind)|(?:leave|keep) me (?:unprotected|uninformed|in the dark)|i (?:don'?t|do not) (?:need|want) (?:help|savings|to be safe))/iu,
  conduct:
    /\b(?:continu(?:e|es|ing)|keep(?:ing)? (?:browsing|using|reading)|brows(?:e|es|ing)|scroll(?:s|ing)?|navigat(?:e|es|ing)|clos(?:e|es|ing)|dismiss(?:es|ing)?|us(?:e|es|ing) (?:this|our|the) (?:site|website|app|service)|stay(?:s|ing)? on|remain(?:s|ing)? on|visit(?:s|ing)?|further use)\b/iu,
  paidAlternative:
    /\b(?:subscribe|subscription|subscriber|ad[- ]free|without ads|pay|paid|premium|plus plan|per month|a month|\/month)\b|[$€£]\s?\d/iu,
  refusalDenies:
    /\b(?:if you (?:refuse|decline|reject|do not (?:accept|agree|consent)|don'?t (?:accept|agree|consent))|without (?:your )?(?:consent|accepting|agreeing))\b[^.]{0,80}?\b(?:(?:can ?not|can'?t|will not be able|won'?t be able|unable)\b|no (?:access|longer)\b|not (?:be )?(?:available|accessible)\b)/iu,

  optOut:
    /\b(?:(?:tick|check|select|mark)(?: (?:here|this|this box|the box|below))?,? if you (?:do not|don't|would not|wouldn't|would rather not|no longer)\b|^(?:please )?(?:do not|don't|never) (?:share|sell|send|use|track|contact|email|pass|give|disclose|transfer|hand|let)|^i (?:do not|don't) (?:want|wish|agree|consent|allow)|^(?:i )?(?:opt out of|object to)|^(?:exclude|remove) me from)/iu,
  negations: /\b(?:not|never|no longer|untick|uncheck|deselect|unselect|object to|opt[ -]out|exclude)\b|n't\b/giu,
  denials: /\b(?:no|without|neither|nor|none)\b/iu,

  primaryPurposes: {
    "view-report": [
      {
        p: "annual|yearly|monthly|quarterly|spending|energy|usage|account|bank|activity ~ bill|statement|report|summary|review|recap|overview",
        gap: 1,
      },
      "year in review|year-in-review|year in numbers|recap|wrapped|=report|=reports",
      { p: "view|see|download|open|show ~ my|your|the ~ bill|statement|report|summary|review|recap", gap: 3 },
    ],
    lottery: [
      "lottery|sweepstake*|prize draw|lucky draw|=draw|giveaway|raffle|enter to win|=win|spin the wheel|jackpot|instant win",
      { p: "enter ~ draw|competition|contest|giveaway", gap: 2 },
    ],
    signup: [
      "sign up|signup|create account|register|registration|=join|free trial|start trial|get started|open an account|become a member|=enrol|=enroll",
      { p: "create|open|set up|setup ~ account|profile", gap: 3 },
      { p: "start ~ trial", gap: 3 },
    ],
    login: ["log in|login|sign in|signin|log on|welcome back|forgot password|forgot your password|passkey"],
    newsletter: ["newsletter*|=subscribe|mailing list|email updates|=digest", { p: "get|receive|sign up for ~ updates|news", gap: 3 }],
    checkout: [
      "checkout|check out|=pay|payment|place order|order summary|=buy|purchase|card details|billing|confirm and pay|continue to payment|proceed to payment|review and place|cashier",
      { p: "place|review|complete|confirm ~ order|purchase", gap: 3 },
      { p: "pay ~ now|securely", gap: 1 },
    ],
    install: [
      "install*|=download|get the app|add to chrome|add to home screen",
      { p: "download ~ app|for windows|for mac|for android|for iphone|now", gap: 3 },
    ],
    booking: [
      "=book|booking|reserve|reservation|book now|your stay|your trip|appointment|check availability",
      { p: "book|reserve|confirm ~ room|stay|table|ticket*|trip|flight|seat*|class*|appointment|booking", gap: 3 },
    ],
    game: ["=play|play now|start game|=game|games|leaderboard|new game|play free"],
    consent: [
      "cookie*|consent|your privacy|privacy choices|privacy preferences|privacy settings|privacy options|privacy center|privacy centre|data protection settings|tracking preferences",
      { p: "privacy ~ settings|choices|preferences|options|controls", gap: 3 },
      { p: "value|respect|care about|protect ~ privacy", gap: 3 },
      { p: "manage|choose|customise|customize ~ cookies|consent|privacy|choices|preferences", gap: 3 },
      "accept all|reject all|allow all|deny all|decline all|refuse all|save choices|save my choices|confirm choices|confirm my choices|accept selected|allow selection|only necessary|necessary only|essential only|reject optional|accept cookies|allow cookies|reject cookies",
    ],
    settings: [
      "settings|preferences|account settings|notification*|=profile|my account|manage account|save changes|save preferences|edit profile",
    ],
    content: ["read more|continue reading|=article|=news|headline*|=blog|=story|=stories|=magazine|=recipe|=recipes"],
  },

  stopWords: `a an the and or of to in on at for with by from as is are was were be been being it its this that these those i me my
    mine we us our ours you your yours he she they them their his her will would can could may might shall should do does did
    so if then than such into onto about also just only very more most other any all each both some own same too here there
    when where which who whom what how why up out over under again further once please let lets via per s`,
  synonyms: {
    partner: ["partner*|third party|third parties|third-party|affiliate*|sponsor*"],
    share: ["share|sharing|disclose|disclosure|provide|transfer|pass on|pass|give|hand over|make available|transmit"],
    ad: ["ad|ads|advert*|advertis*"],
    personalised: ["personali*|tailored|targeted|customi*|interest-based|relevant"],
    offer: ["offers|=offer|promotion*|=deals|=deal|discount*|coupon*"],
    email: ["email|e-mail|emails|e-mails|=mail"],
    data: ["personal data|personal information|data|information|info|details"],
    consent: ["agree|consent|accept|allow|authori*|permit"],
    contacts: ["=contacts|address book|contact list"],
    location: ["precise location|location|geolocation|gps|whereabouts"],
    credit: ["credit score|credit scoring|credit check|creditworth*|credit rating"],
    marketing: ["marketing|promotional"],
  },
};
