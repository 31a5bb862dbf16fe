/** Legal and standards references the rules cite (rules.md "Legal basis"). */
import type { LegalReference } from "../lint/types.js";

const GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";

export const LEGAL = {
  gdprArt4_11: {
    id: "GDPR Art. 4(11)",
    title: "Definition of consent: a freely given, specific, informed and unambiguous indication of wishes by a clear affirmative action",
    url: GDPR,
  },
  gdprArt7: { id: "GDPR Art. 7", title: "Conditions for consent", url: GDPR },
  gdprArt7_2: {
    id: "GDPR Art. 7(2)",
    title:
      "A request for consent must be clearly distinguishable from other matters, in an intelligible and easily accessible form, using clear and plain language",
    url: GDPR,
  },
  gdprArt7_4: {
    id: "GDPR Art. 7(4)",
    title:
      "Whether the performance of a contract or provision of a service is made conditional on consent to processing that is not necessary for it",
    url: GDPR,
  },
  gdprArt12_1: {
    id: "GDPR Art. 12(1)",
    title: "Information to the data subject in a concise, transparent, intelligible and easily accessible form",
    url: GDPR,
  },
  gdprRecital32: { id: "GDPR Recital 32", title: "Silence, pre-ticked boxes or inactivity should not constitute consent", url: GDPR },
  gdprRecital43: {
    id: "GDPR Recital 43",
    title:
      "Consent is not freely given when it cannot be given separately for different processing operations or when a service is made dependent on it",
    url: GDPR,
  },
  planet49: {
    id: "CJEU C-673/17 Planet49 (2019)",
    title: "A pre-ticked checkbox the user must untick does not constitute valid consent",
    url: "https://curia.europa.eu/juris/liste.jsf?num=C-673/17",
  },
  ePrivacyArt5_3: {
    id: "ePrivacy Directive Art. 5(3)",
    title: "Storing or accessing information on a user's device requires consent",
    url: "https://eur-lex.europa.eu/eli/dir/2002/58/oj",
  },
  edpb052020: { id: "EDPB Guidelines 05/2020", title: "Guidelines 05/2020 on consent under Regulation 2016/679" },
  edpb052020Granularity: {
    id: "EDPB Guidelines 05/2020 §3.1.3",
    title: "Guidelines 05/2020 on consent: granularity (separate consent for separate purposes)",
  },
  edpb032022Snugness: {
    id: "EDPB Guidelines 03/2022",
    title: 'Guidelines 03/2022 on deceptive design patterns: "deceptive snugness" (the most data-invasive option preselected)',
  },
  edpb032022Hidden: {
    id: "EDPB Guidelines 03/2022",
    title: 'Guidelines 03/2022 on deceptive design patterns: "hidden in plain sight" and "left in the dark"',
  },
  piplArt14: { id: "PIPL Art. 14", title: "Personal Information Protection Law: consent must be voluntary, explicit and fully informed" },
  piplArt17: {
    id: "PIPL Art. 17",
    title: "Personal Information Protection Law: notice in a conspicuous way and in clear and understandable language",
  },
  piplArt23: {
    id: "PIPL Art. 23",
    title: "Personal Information Protection Law: separate consent before providing personal information to another handler",
  },
  gbt35273: { id: "GB/T 35273", title: "Information security technology: personal information security specification" },
  ftcAct5: { id: "FTC Act Section 5", title: "Unfair or deceptive acts or practices (15 U.S.C. § 45)" },
  ftcDarkPatterns2022: {
    id: "FTC staff report (2022)",
    title: "Bringing Dark Patterns to Light",
    url: "https://www.ftc.gov/reports/bringing-dark-patterns-light",
  },
  wcag143: { id: "WCAG 2.2 SC 1.4.3", title: "Contrast (Minimum)", url: "https://www.w3.org/TR/WCAG22/#contrast-minimum" },
  wcag144: { id: "WCAG 2.2 SC 1.4.4", title: "Resize Text", url: "https://www.w3.org/TR/WCAG22/#resize-text" },
  cacNecessaryScope2021: {
    id: "CAC necessary personal information provisions (2021)",
    title:
      "Provisions on the Scope of Necessary Personal Information for Common Types of Mobile Internet Applications: basic functions may not be refused for declining unnecessary processing",
  },
  gdprArt7_3: {
    id: "GDPR Art. 7(3)",
    title: "It shall be as easy to withdraw as to give consent",
    url: GDPR,
  },
  gdprRecitals42_43: {
    id: "GDPR Recitals 42-43",
    title: "Consent is not freely given if the person cannot refuse without detriment, or if a service depends on it",
    url: GDPR,
  },
  edpbCookieBannerTaskforce2023: {
    id: "EDPB Cookie Banner Taskforce report (2023)",
    title:
      "Report of the work undertaken by the Cookie Banner Taskforce: no reject button on the first layer, deceptive button colours and contrast",
    url: "https://www.edpb.europa.eu/our-work-tools/our-documents/report/report-work-undertaken-cookie-banner-taskforce_en",
  },
  edpb032022Skipping: {
    id: "EDPB Guidelines 03/2022",
    title:
      'Guidelines 03/2022 on deceptive design patterns: "skipping" and "hidden in plain sight" (the privacy-friendly choice made less visible)',
  },
  edpb032022Emotional: {
    id: "EDPB Guidelines 03/2022",
    title: 'Guidelines 03/2022 on deceptive design patterns: "emotional steering" (wording that makes people feel guilty or scared)',
  },
  edpb032022Ambiguous: {
    id: "EDPB Guidelines 03/2022",
    title: 'Guidelines 03/2022 on deceptive design patterns: "ambiguous wording or information" (double negatives, reversed options)',
  },
  edpb052020Scrolling: {
    id: "EDPB Guidelines 05/2020 §86",
    title: "Scrolling, swiping or continuing to use a website is not a clear affirmative action",
  },
  edpb052020Walls: {
    id: "EDPB Guidelines 05/2020 §39-41",
    title: "Cookie walls: access to content made conditional on accepting cookies is not freely given consent",
  },
  edpbOpinion082024: {
    id: "EDPB Opinion 08/2024",
    title: 'Valid consent in the context of "consent or pay" models implemented by large online platforms',
  },
  cnilGoogleFacebook2021: {
    id: "CNIL decisions SAN-2021-023 and SAN-2021-024",
    title: "Google and Facebook fined: refusing cookies must be as easy as accepting them (one click on the first layer)",
  },
  dsaArt25: {
    id: "Digital Services Act Art. 25",
    title: "Online interfaces must not deceive, manipulate or otherwise distort people's ability to make free and informed decisions",
    url: "https://eur-lex.europa.eu/eli/reg/2022/2065/oj",
  },
} satisfies Record<string, LegalReference>;

/** The documentation page of a rule on the repository. */
export function docsUrl(ruleId: string): string {
  return `https://github.com/consentlint/consentlint/blob/main/rules/${ruleId}/README.md`;
}
