// CookieConsent v3 in Chinese with the categories off by default (opt-in); the site's CSS
// variables lighten the text colours.
CookieConsent.run({
    guiOptions: {
        consentModal: { layout: 'box wide', position: 'bottom left' },
        preferencesModal: { layout: 'box' }
    },
    categories: {
        necessary: { enabled: true, readOnly: true },
        analytics: {},
        marketing: {}
    },
    language: {
        default: 'zh',
        translations: {
            zh: {
                consentModal: {
                    title: 'Cookie 提示',
                    description: '我们使用必要的 Cookie 保存您的预订。经您同意后，我们还会使用统计和营销 Cookie。',
                    acceptAllBtn: '全部接受',
                    acceptNecessaryBtn: '仅必要',
                    showPreferencesBtn: '自定义设置'
                },
                preferencesModal: {
                    title: 'Cookie 设置',
                    acceptAllBtn: '全部接受',
                    acceptNecessaryBtn: '仅必要',
                    savePreferencesBtn: '保存',
                    closeIconLabel: '关闭',
                    sections: [
                        { title: '必要 Cookie（始终启用）', description: '保存预订信息，无法关闭。', linkedCategory: 'necessary' },
                        { title: '统计 Cookie', description: '统计访问量，帮助我们改进网站。', linkedCategory: 'analytics' },
                        { title: '营销 Cookie', description: '向广告合作伙伴共享您的访问记录，用于个性化广告。', linkedCategory: 'marketing' }
                    ]
                }
            }
        }
    }
});
