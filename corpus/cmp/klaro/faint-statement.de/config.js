// Klaro as a bar across the bottom (theme 'wide'), with the notice text replaced through
// translations (consentNotice.description, as the annotated config.js shows for overrides).
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    styling: {
        theme: ['bottom', 'wide'],
    },
    storageMethod: 'cookie',
    default: false,
    acceptAll: true,
    translations: {
        zz: {
            privacyPolicyUrl: '/datenschutz.html',
        },
        de: {
            consentNotice: {
                description: 'Mit einem Klick auf „Das ist ok“ stimmen Sie der Nutzung von Cookies für Besucher-Statistiken und personalisierte Werbung durch unsere Partner zu. Mehr dazu in unserer {privacyPolicy}.',
            },
            matomo: {
                description: 'Zählt Besuche auf unserer Website.',
            },
            criteo: {
                description: 'Zeigt Ihnen auf anderen Websites Anzeigen zu Rädern, die Sie bei uns angesehen haben.',
            },
            purposes: {
                analytics: {
                    title: 'Besucher-Statistiken',
                    description: 'Anonyme Auswertung der Besuche.',
                },
            },
        },
    },
    services: [
        {
            name: 'matomo',
            title: 'Matomo',
            purposes: ['analytics'],
        },
        {
            name: 'criteo',
            title: 'Criteo',
            purposes: ['advertising'],
        },
    ],
};
