// Klaro as the annotated dist/config.js shows: services off by default, one required service
// (the shop session) that the visitor cannot switch off, German UI from <html lang="de">.
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    cookieName: 'klaro',
    default: false,
    mustConsent: false,
    acceptAll: true,
    groupByPurpose: true,
    translations: {
        zz: {
            privacyPolicyUrl: '/datenschutz.html',
        },
        de: {
            shopSession: {
                description: 'Merkt sich Ihren Warenkorb während des Besuchs.',
            },
            matomo: {
                description: 'Zählt Besuche, damit wir wissen, welche Seiten gelesen werden.',
            },
            youtube: {
                description: 'Zeigt Videos unserer Lesungen, die bei YouTube liegen.',
            },
            purposes: {
                analytics: {
                    title: 'Besucher-Statistiken',
                    description: 'Diese Dienste erfassen anonymisierte Besuchsdaten, um unsere Website zu verbessern.',
                },
            },
        },
    },
    services: [
        {
            name: 'shopSession',
            title: 'Warenkorb-Sitzung',
            purposes: ['functional'],
            required: true,
        },
        {
            name: 'matomo',
            title: 'Matomo',
            purposes: ['analytics'],
            cookies: [/^_pk_.*$/],
        },
        {
            name: 'youtube',
            title: 'YouTube',
            purposes: ['marketing'],
        },
    ],
};
