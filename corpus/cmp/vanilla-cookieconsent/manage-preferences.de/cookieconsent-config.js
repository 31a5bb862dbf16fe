// CookieConsent v3 with German texts (language.default 'de'), a read-only necessary category
// and two optional categories off by default, as in the documentation's examples.
CookieConsent.run({
    guiOptions: {
        consentModal: { layout: 'box', position: 'bottom right' },
        preferencesModal: { layout: 'box' }
    },
    categories: {
        necessary: { enabled: true, readOnly: true },
        analytics: {},
        marketing: {}
    },
    language: {
        default: 'de',
        translations: {
            de: {
                consentModal: {
                    title: 'Wir verwenden Cookies',
                    description: 'Wir verwenden notwendige Cookies für den Online-Shop. Mit Ihrer Erlaubnis möchten wir außerdem Statistik- und Marketing-Cookies setzen.',
                    acceptAllBtn: 'Alle akzeptieren',
                    acceptNecessaryBtn: 'Alle ablehnen',
                    showPreferencesBtn: 'Einstellungen verwalten'
                },
                preferencesModal: {
                    title: 'Cookie-Einstellungen',
                    acceptAllBtn: 'Alle akzeptieren',
                    acceptNecessaryBtn: 'Alle ablehnen',
                    savePreferencesBtn: 'Auswahl speichern',
                    closeIconLabel: 'Schließen',
                    sections: [
                        {
                            title: 'Ihre Wahl',
                            description: 'Hier legen Sie fest, welche Cookies wir verwenden dürfen.'
                        },
                        {
                            title: 'Unbedingt erforderliche Cookies',
                            description: 'Diese Cookies speichern Ihren Warenkorb und Ihre Cookie-Auswahl. Sie lassen sich nicht abschalten.',
                            linkedCategory: 'necessary'
                        },
                        {
                            title: 'Statistik',
                            description: 'Diese Cookies zählen Besuche und zeigen uns, welche Seiten gelesen werden.',
                            linkedCategory: 'analytics'
                        },
                        {
                            title: 'Marketing',
                            description: 'Diese Cookies ermöglichen personalisierte Werbung auf anderen Websites.',
                            linkedCategory: 'marketing'
                        }
                    ]
                }
            }
        }
    }
});
