// Klaro with the annotated config's defaults (services off, notice bottom right).
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    default: false,
    acceptAll: true,
    translations: {
        zz: {
            privacyPolicyUrl: '/privacy.html',
        },
        en: {
            googleAnalytics: {
                description: 'Measures how visitors use the shop.',
            },
            facebookPixel: {
                description: 'Measures our adverts on Facebook and shows you ads for bikes you looked at.',
            },
            purposes: {
                analytics: 'Analytics',
            },
        },
    },
    services: [
        {
            name: 'googleAnalytics',
            title: 'Google Analytics',
            purposes: ['analytics'],
            cookies: [/^_ga/, '_gid'],
        },
        {
            name: 'facebookPixel',
            title: 'Facebook Pixel',
            purposes: ['advertising'],
        },
    ],
};
