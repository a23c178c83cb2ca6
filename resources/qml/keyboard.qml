// The app's one Qt Virtual Keyboard InputPanel, hosted by ui/widgets/pinyin.py in a QQuickWidget at the
// bottom of the main window (the plugin's own keyboard window does not appear offscreen or under cage).
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Rectangle {
    id: root

    // The app's language as a keyboard locale: zh_CN types Pinyin, en_US the English layout.
    property string locale: "zh_CN"
    // The panel keeps its style's aspect ratio; past this height it is narrowed and centred instead.
    property int maximumHeight: 460
    readonly property var style: panel.keyboard.style
    readonly property real aspect: style ? style.keyboardDesignWidth / style.keyboardDesignHeight : 0

    // The default style's keyboard background, so the bands beside a centred panel belong to it.
    color: "#263238"

    InputPanel {
        id: panel
        objectName: "input_panel"
        width: root.aspect > 0 ? Math.min(root.width, root.maximumHeight * root.aspect) : root.width
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
    }

    // One language at a time, the app's: the header switches it, so the keyboard has no language key.
    Binding { target: VirtualKeyboardSettings; property: "locale"; value: root.locale }
    Binding { target: VirtualKeyboardSettings; property: "activeLocales"; value: [root.locale] }
}
