// CookieConsent v3 as its "Getting started" shows: a read-only necessary category, an
// analytics category off by default, the default box layout and English texts.
CookieConsent.run({
    categories: {
        necessary: {
            enabled: true,
            readOnly: true
        },
        analytics: {}
    },
    language: {
        default: 'en',
        translations: {
            en: {
                consentModal: {
                    title: 'We use cookies',
                    description: 'We use cookies to keep the booking system working and, if you allow it, to see which films people look at.',
                    acceptAllBtn: 'Accept all',
                    acceptNecessaryBtn: 'Reject all',
                    showPreferencesBtn: 'Manage individual preferences'
                },
                preferencesModal: {
                    title: 'Manage cookie preferences',
                    acceptAllBtn: 'Accept all',
                    acceptNecessaryBtn: 'Reject all',
                    savePreferencesBtn: 'Accept current selection',
                    closeIconLabel: 'Close modal',
                    sections: [
                        {
                            title: 'Your choices',
                            description: 'Choose which cookies this site may use. You can change this later from the link at the bottom of each page.'
                        },
                        {
                            title: 'Strictly necessary cookies',
                            description: 'These cookies keep your seat selection and basket while you book. They cannot be switched off.',
                            linkedCategory: 'necessary'
                        },
                        {
                            title: 'Performance and analytics',
                            description: 'These cookies count visits and show us which film pages are read, so we can plan the programme.',
                            linkedCategory: 'analytics'
                        },
                        {
                            title: 'More information',
                            description: 'For any questions about cookies, <a href="#contact">contact us</a>.'
                        }
                    ]
                }
            }
        }
    }
});
