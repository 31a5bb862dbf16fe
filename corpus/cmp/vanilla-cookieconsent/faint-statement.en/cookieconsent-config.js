// CookieConsent v3 (box layout) whose first-layer description says what clicking "Accept all" grants.
CookieConsent.run({
    categories: {
        necessary: { enabled: true, readOnly: true },
        analytics: {},
        advertising: {}
    },
    language: {
        default: 'en',
        translations: {
            en: {
                consentModal: {
                    title: 'Cookies at Marginalia',
                    description: 'By clicking “Accept all” you agree that we and our partners use cookies for analytics and personalised advertising.',
                    acceptAllBtn: 'Accept all',
                    acceptNecessaryBtn: 'Reject all',
                    showPreferencesBtn: 'Manage preferences'
                },
                preferencesModal: {
                    title: 'Cookie preferences',
                    acceptAllBtn: 'Accept all',
                    acceptNecessaryBtn: 'Reject all',
                    savePreferencesBtn: 'Save preferences',
                    closeIconLabel: 'Close',
                    sections: [
                        { title: 'Strictly necessary', description: 'Keeps your basket.', linkedCategory: 'necessary' },
                        { title: 'Analytics', description: 'Counts visits to our pages.', linkedCategory: 'analytics' },
                        { title: 'Advertising', description: 'Personalised adverts on other sites.', linkedCategory: 'advertising' }
                    ]
                }
            }
        }
    }
});
