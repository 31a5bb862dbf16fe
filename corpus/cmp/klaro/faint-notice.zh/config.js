// Klaro with the light theme at the bottom (styling.theme, as in the annotated config.js);
// the site's own style sheet then shrinks and greys the notice text.
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    styling: {
        theme: ['light', 'bottom', 'right'],
    },
    storageMethod: 'cookie',
    default: false,
    acceptAll: true,
    translations: {
        zz: {
            privacyPolicyUrl: '/privacy.html',
        },
        zh: {
            baiduTongji: {
                description: '统计菜谱的阅读次数。',
            },
            purposes: {
                analytics: {
                    title: '访问统计',
                    description: '了解哪些菜谱最受欢迎。',
                },
            },
        },
    },
    services: [
        {
            name: 'baiduTongji',
            title: '百度统计',
            purposes: ['analytics'],
        },
    ],
};
