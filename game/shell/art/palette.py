"""The colours of every scene: one calm palette shared by all the art.

Warm light backgrounds, bright kind immune cells, soft grey-purple cancer cells.
UI colours live in ``game.shell.theme``; these are only for the pictures.
"""

from __future__ import annotations

Colour = tuple[int, int, int]

# Backgrounds
BLOOD_TOP: Colour = (253, 244, 238)
BLOOD_BOTTOM: Colour = (249, 229, 224)
VESSEL_WALL: Colour = (243, 210, 206)
VESSEL_EDGE: Colour = (232, 186, 184)
RED_CELL: Colour = (240, 190, 186)
LAB_TOP: Colour = (238, 248, 246)
LAB_BOTTOM: Colour = (220, 238, 236)
BENCH: Colour = (200, 222, 224)
CLINIC_TOP: Colour = (251, 246, 238)
CLINIC_BOTTOM: Colour = (244, 234, 220)
FLOOR: Colour = (230, 214, 196)
WINDOW: Colour = (214, 234, 248)
SKY_TOP: Colour = (214, 234, 250)
SKY_BOTTOM: Colour = (246, 242, 230)
HILL: Colour = (190, 224, 180)
HILL_FAR: Colour = (210, 232, 196)
SUN: Colour = (255, 214, 120)

# Immune cells
T_BODY: Colour = (84, 152, 228)
T_LIGHT: Colour = (176, 216, 252)
T_OUTLINE: Colour = (36, 90, 166)
T_RECEPTOR: Colour = (64, 196, 204)
CAR_GRABBER: Colour = (255, 146, 36)
CAR_GRABBER_DARK: Colour = (206, 100, 16)
MEM_BODY: Colour = (128, 118, 226)
MEM_LIGHT: Colour = (204, 198, 252)
MEM_OUTLINE: Colour = (78, 66, 170)
FACE: Colour = (26, 36, 64)
CHEEK: Colour = (250, 160, 170)
GLOW_GOLD: Colour = (255, 214, 110)
GLOW_CALM: Colour = (130, 214, 176)
STAR: Colour = (255, 196, 40)

# Cancer and healthy cells
CANCER_BODY: Colour = (150, 134, 168)
CANCER_LIGHT: Colour = (204, 192, 214)
CANCER_OUTLINE: Colour = (100, 86, 122)
CANCER_SPOT: Colour = (126, 110, 146)
ANTIGEN: Colour = (246, 150, 90)
ANTIGEN_DARK: Colour = (196, 100, 50)
HEALTHY_BODY: Colour = (250, 186, 160)
HEALTHY_LIGHT: Colour = (255, 226, 208)
HEALTHY_OUTLINE: Colour = (212, 130, 104)

# Therapy shapes
BRAKE: Colour = (214, 66, 66)
BRAKE_DARK: Colour = (150, 36, 40)
INHIBITOR: Colour = (34, 164, 128)
INHIBITOR_DARK: Colour = (18, 110, 86)
ANTIBODY: Colour = (248, 192, 56)
ANTIBODY_DARK: Colour = (176, 122, 16)
WHITE: Colour = (255, 255, 255)
GLASS: Colour = (226, 242, 250)
GLASS_EDGE: Colour = (140, 180, 200)
DISH_GEL: Colour = (250, 236, 200)
IV_FLUID: Colour = (190, 226, 250)
BLOOD: Colour = (200, 56, 70)
METAL: Colour = (156, 170, 186)
CHAIR: Colour = (70, 160, 164)
CHAIR_DARK: Colour = (44, 118, 124)

# People
SKIN: tuple[Colour, ...] = ((244, 206, 176), (200, 146, 108), (142, 98, 72), (226, 178, 140))
HAIR: tuple[Colour, ...] = ((92, 64, 44), (40, 34, 32), (180, 150, 110), (150, 150, 156))
PATIENT: Colour = (112, 164, 222)
DOCTOR: Colour = (250, 252, 255)
NURSE: Colour = (70, 170, 170)
HELPER: Colour = (176, 140, 214)
TROUSERS: Colour = (78, 92, 120)
OUTLINE: Colour = (70, 84, 108)

# Organs, skin and side effects
LUNG: Colour = (246, 166, 170)
LUNG_DARK: Colour = (206, 112, 122)
GUT: Colour = (242, 180, 150)
GUT_DARK: Colour = (198, 126, 100)
INFLAMED: Colour = (255, 112, 72)
CALM: Colour = (120, 206, 170)
RASH: Colour = (232, 112, 120)
CREAM: Colour = (236, 246, 255)
BATTERY_LOW: Colour = (240, 150, 60)
BATTERY_OK: Colour = (80, 184, 110)
REST: Colour = (120, 130, 210)
ACTIVITY: Colour = (250, 170, 60)
SUPPORT: Colour = (236, 110, 140)

# Labels and marks
INK: Colour = (22, 34, 54)
INK_SOFT: Colour = (70, 82, 102)
LABEL_BG: Colour = (255, 255, 255)
CHECK: Colour = (38, 150, 84)
HINT: Colour = (232, 132, 0)
PAPER: Colour = (255, 253, 248)
CONFETTI: tuple[Colour, ...] = (
    (255, 190, 70),
    (110, 180, 240),
    (140, 210, 150),
    (240, 140, 170),
    (180, 150, 230),
)
