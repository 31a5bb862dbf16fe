var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    cookieName: 'klaro',
    default: false,
    mustConsent: true,
    acceptAll: true,
    groupByPurpose: true,
    translations: {
        zz: { privacyPolicyUrl: '/datenschutz.html' },
        de: {
            matomo: { description: 'Zählt Besuche und misst, welche Wanderrouten gelesen werden.' },
            youtube: { description: 'Zeigt unsere Tourenvideos, die bei YouTube liegen.' },
            purposes: {
                analytics: { title: 'Reichweitenmessung', description: 'Diese Dienste erfassen Besuchsdaten zur Auswertung unserer Website.' },
                marketing: { title: 'Videos & Werbung', description: 'Diese Dienste binden Inhalte Dritter ein und können Sie für Werbung wiedererkennen.' }
            }
        }
    },
    services: [
        { name: 'matomo', title: 'Matomo', purposes: ['analytics'], default: true, cookies: [/^_pk_.*$/] },
        { name: 'youtube', title: 'YouTube', purposes: ['marketing'] }
    ]
};
