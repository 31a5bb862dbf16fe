// CookieConsent v3 in Chinese, with the analytics and advertising categories marked
// enabled: true (without readOnly), which switches them on before the visitor chooses.
CookieConsent.run({
    guiOptions: {
        consentModal: { layout: 'bar', position: 'bottom' },
        preferencesModal: { layout: 'box' }
    },
    categories: {
        necessary: { enabled: true, readOnly: true },
        analytics: { enabled: true },
        ads: {
            enabled: true,
            services: {
                baiduTuiguang: { label: '百度推广' },
                oceanEngine: { label: '巨量引擎广告' }
            }
        }
    },
    language: {
        default: 'zh',
        translations: {
            zh: {
                consentModal: {
                    title: '我们使用 Cookie',
                    description: '本店使用必要的 Cookie 保存购物车。经您允许，我们还希望使用统计和广告 Cookie。',
                    acceptAllBtn: '全部接受',
                    acceptNecessaryBtn: '全部拒绝',
                    showPreferencesBtn: '管理偏好设置'
                },
                preferencesModal: {
                    title: 'Cookie 偏好设置',
                    acceptAllBtn: '全部接受',
                    acceptNecessaryBtn: '全部拒绝',
                    savePreferencesBtn: '保存设置',
                    closeIconLabel: '关闭',
                    serviceCounterLabel: '项服务',
                    sections: [
                        {
                            title: 'Cookie 使用说明',
                            description: '您可以在这里选择允许本站使用哪些 Cookie。'
                        },
                        {
                            title: '必要 Cookie',
                            description: '用于保存购物车和登录状态，无法关闭。',
                            linkedCategory: 'necessary'
                        },
                        {
                            title: '统计分析 Cookie',
                            description: '统计访问量和商品浏览情况，帮助我们改进网店。',
                            linkedCategory: 'analytics'
                        },
                        {
                            title: '广告 Cookie',
                            description: '与广告平台共享您的浏览记录，在其他网站向您展示个性化广告。',
                            linkedCategory: 'ads'
                        }
                    ]
                }
            }
        }
    }
});
