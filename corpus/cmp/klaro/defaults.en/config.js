// Klaro configuration, following the annotated dist/config.js with the defaults left as they are:
// services off until the visitor accepts (default: false), notice shown on load.
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    cookieName: 'klaro',
    cookieExpiresAfterDays: 365,
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    hideLearnMore: false,
    translations: {
        zz: {
            privacyPolicyUrl: '/privacy.html',
        },
        en: {
            matomo: {
                description: 'Counts visits to this site so that we know which pages people read.',
            },
            instagram: {
                description: 'Shows our latest Instagram posts on the home page.',
            },
            purposes: {
                analytics: 'Analytics',
                marketing: 'Marketing',
            },
        },
    },
    services: [
        {
            name: 'matomo',
            title: 'Matomo',
            purposes: ['analytics'],
            cookies: [/^_pk_.*$/],
        },
        {
            name: 'instagram',
            title: 'Instagram feed',
            purposes: ['marketing'],
        },
    ],
};
