// CookieConsent v3 with the documentation's defaults (box layout, categories off) in German.
CookieConsent.run({
    categories: {
        necessary: { enabled: true, readOnly: true },
        analytics: {}
    },
    language: {
        default: 'de',
        translations: {
            de: {
                consentModal: {
                    title: 'Cookies',
                    description: 'Wir nutzen notwendige Cookies für Warenkorb und Kasse. Statistik-Cookies setzen wir nur, wenn Sie es erlauben.',
                    acceptAllBtn: 'Alle akzeptieren',
                    acceptNecessaryBtn: 'Nur notwendige',
                    showPreferencesBtn: 'Einstellungen'
                },
                preferencesModal: {
                    title: 'Cookie-Einstellungen',
                    acceptAllBtn: 'Alle akzeptieren',
                    acceptNecessaryBtn: 'Nur notwendige',
                    savePreferencesBtn: 'Auswahl speichern',
                    closeIconLabel: 'Schließen',
                    sections: [
                        { title: 'Notwendig', description: 'Warenkorb und Kasse.', linkedCategory: 'necessary' },
                        { title: 'Statistik', description: 'Zählt Besuche im Shop.', linkedCategory: 'analytics' }
                    ]
                }
            }
        }
    }
});
