// Klaro with the services that pay for the paper switched on before the reader chooses
// (service-level "default: true", which the annotated config.js documents), Chinese UI
// from <html lang="zh-CN"> and Klaro's own zh translations.
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    cookieName: 'klaro',
    default: false,
    mustConsent: false,
    acceptAll: true,
    groupByPurpose: true,
    translations: {
        zz: {
            privacyPolicyUrl: '/privacy.html',
        },
        zh: {
            matomo: {
                description: '统计每篇文章的阅读量和读者来源。',
            },
            adsense: {
                description: '根据您的浏览记录投放个性化广告。',
            },
            adMediaNet: {
                description: '与合作伙伴共享广告标识，用于跨站广告投放与效果评估。',
            },
            weibo: {
                description: '在文章下方显示微博分享按钮。',
            },
            purposes: {
                analytics: {
                    title: '访问统计',
                    description: '这些服务收集访问数据，帮助我们了解读者喜欢哪些报道。',
                },
            },
        },
    },
    services: [
        {
            name: 'matomo',
            title: 'Matomo 统计',
            purposes: ['analytics'],
            default: true,
            cookies: [/^_pk_.*$/],
        },
        {
            name: 'adsense',
            title: 'Google AdSense',
            purposes: ['advertising'],
            default: true,
        },
        {
            name: 'adMediaNet',
            title: '合作广告联盟',
            purposes: ['advertising'],
            default: true,
        },
        {
            name: 'weibo',
            title: '微博分享',
            purposes: ['marketing'],
            default: false,
        },
    ],
};
