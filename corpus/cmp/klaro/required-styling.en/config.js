// Klaro opening its modal straight away (mustConsent: true), with the web fonts service marked
// required: true under the "styling" purpose, as in the annotated config.js.
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    default: false,
    mustConsent: true,
    acceptAll: true,
    groupByPurpose: true,
    translations: {
        zz: {
            privacyPolicyUrl: '/privacy.html',
        },
        en: {
            googleFonts: {
                description: 'Web fonts hosted by Google.',
            },
            googleAnalytics: {
                description: 'Counts visits and the pages people read.',
            },
            adsense: {
                description: 'Shows adverts from Google AdSense.',
            },
            purposes: {
                styling: {
                    title: 'Styling',
                    description: 'Fonts and styles that make this site look the way it should.',
                },
                analytics: {
                    title: 'Analytics',
                    description: 'These services collect visit statistics so we can improve the site.',
                },
            },
        },
    },
    services: [
        {
            name: 'googleFonts',
            title: 'Google Fonts',
            purposes: ['styling'],
            required: true,
        },
        {
            name: 'googleAnalytics',
            title: 'Google Analytics',
            purposes: ['analytics'],
        },
        {
            name: 'adsense',
            title: 'Google AdSense',
            purposes: ['advertising'],
        },
    ],
};
